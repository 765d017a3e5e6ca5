// imbot console, Chat page: live messages, sending without reload, @-mentions, and the buttons
// messages carry. Without script every part still works as a plain form.
(() => {
  const messages = document.getElementById("messages");
  const composer = document.getElementById("composer");
  const field = composer && composer.querySelector("textarea");
  const status = document.getElementById("composer-status");
  const mentions = document.getElementById("mentions");
  let etag = null;
  let polling = false;

  const atBottom = () =>
    messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
  const toBottom = () => { messages.scrollTop = messages.scrollHeight; };

  // Live: the message list is polled and replaced when it changed (the service answers 304 while
  // it has not), so bot answers, edits and deletions show without reload.
  async function refresh() {
    if (!messages || polling) return;
    polling = true;
    try {
      const headers = { "X-Console-Fetch": "1" };
      if (etag) headers["If-None-Match"] = etag;
      const answer = await fetch(messages.dataset.live, { headers, cache: "no-store" });
      if (answer.redirected) {
        window.location.reload(); // signed out: the page shows the sign-in
        return;
      }
      if (answer.status === 200) {
        etag = answer.headers.get("ETag");
        const follow = atBottom();
        messages.innerHTML = await answer.text();
        if (follow) toBottom();
      }
    } catch (offline) {
      // The next round tries again.
    } finally {
      polling = false;
    }
  }
  if (messages) {
    toBottom();
    setInterval(() => { if (!document.hidden) refresh(); }, 1000);
    document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
  }

  function say(text, error) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("error", Boolean(error));
  }

  // Forms marked data-fetch (send, delete, a keyboard button) are sent by script: the page stays.
  async function send(form, extra) {
    const body = new URLSearchParams(new FormData(form));
    if (extra) for (const [key, value] of Object.entries(extra)) body.set(key, value);
    const answer = await fetch(form.action, {
      method: "POST",
      headers: { "X-Console-Fetch": "1", "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    if (answer.status === 204) return null;
    return (await answer.text()) || "The service refused (HTTP " + answer.status + ")";
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.hasAttribute("data-fetch")) return;
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    const isComposer = form === composer;
    if (isComposer) say("Sending…");
    try {
      const refused = await send(form);
      if (refused) {
        say(refused, true);
        return;
      }
      if (isComposer) {
        field.value = "";
        say("Sent.");
      } else {
        say("Done.");
      }
      etag = null;
      await refresh();
      toBottom();
    } catch (offline) {
      say("The service did not answer: try again.", true);
    }
  });

  // [send=…] and [put=…] in messages, and ACTION=PUT buttons.
  document.addEventListener("click", async (event) => {
    const put = event.target.closest("[data-put]");
    if (put && field) {
      event.preventDefault();
      field.value = put.dataset.put;
      field.focus();
      return;
    }
    const sendLink = event.target.closest("[data-send]");
    if (sendLink && composer) {
      event.preventDefault();
      const refused = await send(composer, { text: sendLink.dataset.send });
      say(refused || "Sent.", Boolean(refused));
      etag = null;
      refresh();
    }
  });

  document.addEventListener("change", (event) => {
    if (event.target.matches("select[data-autosubmit]")) event.target.form.submit();
  });

  if (!field) return;

  // @-mentions: typing @ and part of a member's name offers the members; choosing one inserts
  // [USER=id]Name[/USER].
  const members = (composer.dataset.members || "")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const bar = line.indexOf("|");
      return { id: line.slice(0, bar), name: line.slice(bar + 1) };
    });
  let offered = [];
  let active = 0;

  function query() {
    const before = field.value.slice(0, field.selectionStart);
    const match = /(^|\s)@([^\s@\[\]]{0,40})$/.exec(before);
    return match ? { text: match[2], start: before.length - match[2].length - 1 } : null;
  }

  function close() {
    mentions.hidden = true;
    mentions.replaceChildren();
    offered = [];
    field.removeAttribute("aria-activedescendant");
  }

  function offer() {
    const q = query();
    if (!q || members.length === 0) return close();
    const needle = q.text.toLowerCase();
    offered = members.filter((m) => m.name.toLowerCase().includes(needle)).slice(0, 8);
    if (offered.length === 0) return close();
    active = 0;
    mentions.replaceChildren(
      ...offered.map((member, index) => {
        const item = document.createElement("li");
        item.id = "mention-" + index;
        item.setAttribute("role", "option");
        item.textContent = member.name;
        item.addEventListener("mousedown", (e) => { e.preventDefault(); choose(index); });
        return item;
      })
    );
    mentions.hidden = false;
    mark();
  }

  function mark() {
    [...mentions.children].forEach((item, index) =>
      item.setAttribute("aria-selected", String(index === active)));
    field.setAttribute("aria-activedescendant", "mention-" + active);
  }

  function choose(index) {
    const q = query();
    const member = offered[index];
    if (!q || !member) return close();
    const tag = "[USER=" + member.id + "]" + member.name + "[/USER] ";
    const after = field.value.slice(field.selectionStart);
    field.value = field.value.slice(0, q.start) + tag + after;
    const caret = q.start + tag.length;
    field.setSelectionRange(caret, caret);
    close();
    field.focus();
  }

  field.addEventListener("input", offer);
  field.addEventListener("blur", () => setTimeout(close, 150));
  field.addEventListener("keydown", (event) => {
    if (!mentions.hidden) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : offered.length - 1;
        active = (active + step) % offered.length;
        mark();
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(active);
        return;
      }
      if (event.key === "Escape") {
        close();
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
})();
