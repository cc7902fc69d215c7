// One line saying who can reach the port at the address the text gave it,
// coloured by exposure × the port's risk. Shared by the card and the details
// page; a pure view.
import { exposureTone, exposureWords, type Exposure } from '@/lib/exposure';
import type { RiskLevel } from '@/lib/types';
import { ltr, say, t } from '@/utils/i18n';

export function ExposureLine({ exposure, risk }: { exposure: Exposure; risk?: RiskLevel }) {
  const words = exposureWords(exposure);
  const headline = say(words.headline);
  return (
    <section class={`exposure tone-${exposureTone(exposure, risk)}`} aria-label={t('exposure.label', { scope: headline })}>
      <p>
        <strong class="exposure-head">{headline}.</strong> {say(words.detail)}
      </p>
      {words.fix && (
        <p class="exposure-fix">
          {say(words.fix.lead)} <code dir="ltr">{words.fix.code}</code>
        </p>
      )}
    </section>
  );
}

/** The line as plain text (copy): "Every interface: Listens on every interface (0.0.0.0): …". */
export function exposurePlainText(exposure: Exposure): string {
  const { headline, detail, fix } = exposureWords(exposure);
  const parts = { headline: say(headline), detail: say(detail) };
  return fix ? t('exposure.plainFix', { ...parts, lead: say(fix.lead), code: ltr(fix.code) }) : t('exposure.plain', parts);
}
