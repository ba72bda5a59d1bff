import { AppError } from '../../contract'

/**
 * A refusal whose writes must survive: dispatch commits the transaction and then answers with this error,
 * where any other AppError rolls everything back. For refusals that are themselves evidence (a forged member
 * code counts towards that clerk's limit), never for work that half happened.
 */
export class RecordedRefusal extends AppError {}
