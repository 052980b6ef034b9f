import type { ApolloClient } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { confirmAction } from '../../components/feedback';
import type { SubscriptionAction, SubscriptionChangeOutcomeFragment } from '../../gql/graphql';
import {
  ADD_SEATS,
  CANCEL,
  CHANGE_BILLING,
  CHANGE_TERM,
  CONVERT_TRIAL,
  UPGRADE,
  REACTIVATE,
  REMOVE_SEATS,
  SCHEDULE_CHANGE,
  SET_AUTO_RENEW,
  SUBSCRIPTION_QUOTE,
  SUSPEND,
} from './operations';

/** What the last change said: done (with its money effect) or refused (why, and what to do instead). */
export interface ChangeOutcome {
  ok: boolean;
  text: string;
  fix?: string | null;
}

/** A change's money effect as the server quotes it now, in words for the confirmation. */
export interface Quoted {
  allowed: boolean;
  effect: string;
  refusal?: { message: string; fix?: string | null };
}

type MutationName =
  | 'addSubscriptionSeats'
  | 'removeSubscriptionSeats'
  | 'cancelSubscription'
  | 'setSubscriptionAutoRenew'
  | 'scheduleSubscriptionChange'
  | 'suspendSubscription'
  | 'reactivateSubscription'
  | 'changeSubscriptionTerm'
  | 'changeSubscriptionBilling'
  | 'upgradeSubscription'
  | 'convertTrial';

/**
 * Every change of the subscription page goes through here: refused at once when the quote says it would be,
 * otherwise confirmed with its effect, then made once under a fresh idempotency key, and the outcome said.
 */
export function useSubscriptionChange(id: string, reload: () => Promise<unknown>) {
  const [outcome, setOutcome] = useState<ChangeOutcome | null>(null);
  const mutations = {
    addSubscriptionSeats: useMutation(ADD_SEATS),
    removeSubscriptionSeats: useMutation(REMOVE_SEATS),
    cancelSubscription: useMutation(CANCEL),
    setSubscriptionAutoRenew: useMutation(SET_AUTO_RENEW),
    scheduleSubscriptionChange: useMutation(SCHEDULE_CHANGE),
    suspendSubscription: useMutation(SUSPEND),
    reactivateSubscription: useMutation(REACTIVATE),
    changeSubscriptionTerm: useMutation(CHANGE_TERM),
    changeSubscriptionBilling: useMutation(CHANGE_BILLING),
    upgradeSubscription: useMutation(UPGRADE),
    convertTrial: useMutation(CONVERT_TRIAL),
  };
  const busy = Object.values(mutations).some(([, state]) => state.loading);

  const quote = async (client: ApolloClient, action: SubscriptionAction, quantity: number): Promise<Quoted> => {
    const { data } = await client.query({
      query: SUBSCRIPTION_QUOTE,
      variables: { id, action, quantity },
      fetchPolicy: 'network-only',
    });
    const q = data?.subscriptionQuote;
    if (!q) return { allowed: false, effect: '', refusal: { message: 'No such subscription.' } };
    if (!q.allowed)
      return {
        allowed: false,
        effect: '',
        refusal: { message: q.refusal?.message ?? 'Not allowed now.', fix: q.refusal?.fix?.label },
      };
    const money =
      q.amount.amountMinor > 0
        ? `${q.amount.formatted} is charged now, for the days left in the billing period.`
        : q.amount.amountMinor < 0
          ? `${q.amount.formatted.replace('-', '')} is refunded: what the seats paid, less the days begun.`
          : 'No money moves.';
    const wipes = q.wipesScheduledChanges ? ' The changes scheduled for the next term are removed.' : '';
    return { allowed: true, effect: `${money}${wipes}` };
  };

  const run = async (
    name: MutationName,
    variables: Record<string, unknown>,
    confirm: { title: string; effect: string; confirm: string; danger?: boolean },
    quoted?: Quoted,
  ) => {
    if (quoted && !quoted.allowed) {
      setOutcome({ ok: false, text: quoted.refusal?.message ?? 'Not allowed now.', fix: quoted.refusal?.fix });
      return;
    }
    if (!(await confirmAction(confirm))) return;
    setOutcome(null);
    try {
      const [mutate] = mutations[name];
      const result = await mutate({ variables: { id, key: `spa-${crypto.randomUUID()}`, ...variables } as never });
      const answer = (result.data as Record<string, SubscriptionChangeOutcomeFragment> | undefined)?.[name];
      if (answer?.__typename === 'SubscriptionChanged') {
        const amount = answer.amount.amountMinor;
        setOutcome({
          ok: true,
          text: `${confirm.confirm}: done.${amount > 0 ? ` Charged ${answer.amount.formatted}.` : amount < 0 ? ` Refunded ${answer.amount.formatted.replace('-', '')}.` : ''}`,
        });
      } else if (answer && 'message' in answer) {
        setOutcome({ ok: false, text: answer.message, fix: answer.fix?.label });
      }
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message });
    }
    await reload();
  };

  return { outcome, busy, quote, run };
}

export type SubscriptionChange = ReturnType<typeof useSubscriptionChange>;
