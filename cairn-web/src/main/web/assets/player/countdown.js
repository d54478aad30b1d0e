// Disables a button for a while and says when it can be used again (RATE_LIMITED's retryAfterMs).

/** Disables `button` for `ms`, showing "Try again in N s" in `output`; resolves when it is over. */
export function countdown(button, output, ms, done = "") {
  const endsAt = Date.now() + ms;
  button.disabled = true;
  return new Promise((resolve) => {
    const tick = () => {
      const leftS = Math.ceil((endsAt - Date.now()) / 1000);
      if (leftS <= 0) {
        clearInterval(timer);
        button.disabled = false;
        output.textContent = done;
        resolve();
        return;
      }
      output.textContent = `Too many tries: try again in ${leftS} s`;
    };
    const timer = setInterval(tick, 250);
    tick();
  });
}
