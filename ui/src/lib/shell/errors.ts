/**
 * How a failed command is told to the user: the headline for its code from the catalogue, in the
 * user's language ("Dữ liệu không hợp lệ, chưa thay đổi gì"), then the API's detail naming the
 * field or file at fault (`member.transfer_out.date: …`), which comes from Rust as it is.
 */
import { t } from '$lib/i18n/i18n.svelte';
import { toIpcError } from '$lib/ipc';

/** The text to show for whatever a command rejected with. */
export function errorText(reason: unknown): string {
  const e = toIpcError(reason);
  if (e.code === 'internal') return t('error-generic', { message: e.message });
  const headline = t(`error-${e.code}`);
  const detail = e.detailId ? t(e.detailId, e.detailArgs) : e.message;
  return detail ? `${headline}: ${detail}` : headline;
}
