// The system's words: GET /api/terms (docs/api.md "术语").
import { api } from '../api.js'

export const fetchTerms = () => api.get('/api/terms')
