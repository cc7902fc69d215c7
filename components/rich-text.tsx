// Elements (links, code) inside a translated sentence, wherever the
// translation puts their placeholders: each placeholder becomes a private-use
// character in the message, and the message is split at those characters.
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';

export function richText<K extends string>(nodes: Record<K, ComponentChildren>, message: (slots: Record<K, string>) => string): ComponentChildren {
  const names = Object.keys(nodes) as K[];
  const slots = Object.fromEntries(names.map((name, i) => [name, String.fromCharCode(0xe000 + i)])) as Record<K, string>;
  return message(slots)
    .split(/([\ue000-\ue0ff])/)
    .map((part, i) => {
      const name = names[part.length === 1 ? part.charCodeAt(0) - 0xe000 : -1];
      return <Fragment key={i}>{name !== undefined ? nodes[name] : part}</Fragment>;
    });
}
