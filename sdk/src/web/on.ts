/** `addEventListener`, spelled once for the whole script. */
export const on = (target: EventTarget, type: string, listener: (e: any) => void, options?: AddEventListenerOptions | boolean) =>
  target.addEventListener(type, listener, options);
