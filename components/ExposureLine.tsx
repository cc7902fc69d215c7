// One line saying who can reach the port at the address the text gave it,
// coloured by exposure × the port's risk. Shared by the card and the details
// page; a pure view.
import { exposureTone, exposureWords, type Exposure } from '@/lib/exposure';
import type { RiskLevel } from '@/lib/types';

export function ExposureLine({ exposure, risk }: { exposure: Exposure; risk?: RiskLevel }) {
  const words = exposureWords(exposure);
  return (
    <section class={`exposure tone-${exposureTone(exposure, risk)}`} aria-label={`Exposure: ${words.headline}`}>
      <p>
        <strong class="exposure-head">{words.headline}.</strong> {words.detail}
      </p>
      {words.fix && (
        <p class="exposure-fix">
          {words.fix.lead} <code>{words.fix.code}</code>
        </p>
      )}
    </section>
  );
}
