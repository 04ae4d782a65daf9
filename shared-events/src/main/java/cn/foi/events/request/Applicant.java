package cn.foi.events.request;

/**
 * Who asked: a person or an organisation, with the identity document and contact of 条例 29.
 *
 * @param category the report column of the applicant
 * @param name     the person's or organisation's name
 * @param idType   the identity document, such as 居民身份证 or 统一社会信用代码 (may be null)
 * @param idNumber the document's number (may be null)
 * @param contact  phone, address or e-mail (may be null)
 */
public record Applicant(ApplicantCategory category, String name, String idType, String idNumber, String contact) {
}
