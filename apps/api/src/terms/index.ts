import { TERMS_REQUEST_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { CreditLedgerEntity, TermsRequestEntity, TermsRequestNoteEntity } from './entities.js';
import { LedgerRepository } from './ledger.repository.js';
import { TermsRequestsRepository } from './terms-requests.repository.js';
import { TermsResolver } from './terms.resolver.js';
import { TermsService } from './terms.service.js';

declare module '../app.js' {
  interface App {
    terms: TermsService;
  }
}

/** The credit desk: terms requests and the credit ledger a purchase on terms draws on. */
export const termsModule: ApiModule = {
  name: 'terms',
  auditNames: { TermsRequest: TERMS_REQUEST_NAMES },
  entities: [TermsRequestEntity, TermsRequestNoteEntity, CreditLedgerEntity],
  resolvers: [TermsResolver],
  services: ({ config, db, clock, audit, mail, resellers }) => ({
    terms: new TermsService(
      db,
      clock,
      audit,
      mail,
      resellers,
      new TermsRequestsRepository(db),
      new LedgerRepository(db),
      config.creditTeamEmail,
    ),
  }),
};

export type { TermsService } from './terms.service.js';
