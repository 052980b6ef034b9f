import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';

/**
 * Asks before a destructive or money action, stating its effect; resolves true only on the confirm button.
 * Every such action goes through here, so they all look and read alike.
 */
export function confirmAction(options: {
  title: string;
  effect: string;
  confirm: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: options.title,
      children: options.effect,
      labels: { confirm: options.confirm, cancel: 'Cancel' },
      confirmProps: { color: options.danger === false ? undefined : 'red' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

/** A successful change, said briefly in a toast. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 4000 });
}
