// The mark on a note or port definition that browser sync brought from
// another device (until it is edited here): on the card, the details page
// and in options. A pure view.
import { formatDateTime, t } from '@/utils/i18n';

export function ChangedElsewhere({ at }: { at?: string }) {
  if (!at) return null;
  return <span class="badge badge-synced">{t('common.changedElsewhere', { date: formatDateTime(at) })}</span>;
}
