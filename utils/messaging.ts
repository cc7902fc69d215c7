// The extension side of the message protocol: every context asks the
// background through this one function.
import { browser } from 'wxt/browser';
import { request, type Replies, type RequestOf, type RequestType } from '@/lib/messages';

export function ask<T extends RequestType>(message: RequestOf<T>): Promise<Replies[T]> {
  return request(browser.runtime.sendMessage.bind(browser.runtime) as (m: unknown) => Promise<unknown>, message);
}
