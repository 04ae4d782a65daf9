// The addresses the modules of this folder share: one place that escapes an agency code or a request id.
export const agencyPath = (code) => '/api/agencies/' + encodeURIComponent(code)
export const requestPath = (id) => '/api/requests/' + encodeURIComponent(id)
