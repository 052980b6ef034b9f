import { CASE_NAMES } from './published.js';
import type { ApiModule } from '../platform/module.js';
import { CaseService } from './case.service.js';
import { CasesRepository } from './cases.repository.js';
import { CreditNotesRepository } from './credit-notes.repository.js';
import { CaseCommentEntity, CreditNoteEntity, SupportCaseEntity } from './entities.js';
import { InvoiceService } from './invoice.service.js';
import { LoginHelpService } from './login-help.service.js';
import { ReturnsService } from './returns.service.js';
import { SupportResolver } from './support.resolver.js';
import { documentRoutes } from './routes.js';

declare module '../app.js' {
  interface App {
    cases: CaseService;
    returns: ReturnsService;
    invoices: InvoiceService;
    loginHelp: LoginHelpService;
  }
}

/** The support desk: cases, invoices and credit notes, returns, sign-in help. */
export const supportModule: ApiModule = {
  name: 'support',
  auditNames: { SupportCase: CASE_NAMES },
  entities: [SupportCaseEntity, CaseCommentEntity, CreditNoteEntity],
  resolvers: [SupportResolver],
  services: (app) => {
    const {
      config,
      db,
      clock,
      audit,
      partnerCenter,
      orders,
      orderStatus,
      terms,
      mail,
      identity,
      accounts,
      customers,
      resellers,
      subscriptions,
    } = app;
    const cases = new CaseService(db, clock, audit, new CasesRepository(db));
    const notes = new CreditNotesRepository(db);
    return {
      cases,
      returns: new ReturnsService(
        db,
        clock,
        audit,
        partnerCenter,
        cases,
        orders,
        orderStatus,
        terms,
        notes,
        subscriptions,
      ),
      invoices: new InvoiceService(
        db,
        clock,
        audit,
        orders,
        resellers,
        mail,
        notes,
        config.taxRateBasisPoints,
        () => app.publicUrl,
      ),
      loginHelp: new LoginHelpService(db, clock, audit, identity, accounts, customers, resellers, mail, (token) =>
        app.resetUrl(token),
      ),
    };
  },
  routes: documentRoutes,
};
