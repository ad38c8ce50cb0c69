// Review page: a value in the panel scrolls to its span and back; corrections go to the API with the token.
(function () {
  "use strict";
  const root = document.querySelector(".review");
  const values = JSON.parse(document.getElementById("value-data").textContent);
  const byId = new Map(values.map((v) => [v.id, v]));

  function marksOf(id) {
    return Array.from(document.querySelectorAll("mark.v")).filter((m) =>
      m.dataset.values.split(" ").includes(String(id)));
  }
  function focusValue(id) {
    document.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
    const marks = marksOf(id);
    marks.forEach((m) => m.classList.add("focus"));
    const item = document.getElementById("item-" + id);
    if (item) item.classList.add("focus");
    return marks;
  }
  document.querySelectorAll("a.goto").forEach((a) => a.addEventListener("click", (ev) => {
    ev.preventDefault();
    const id = Number(a.dataset.value);
    const marks = focusValue(id);
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#v-" + id);
  }));
  document.querySelectorAll("mark.v").forEach((m) => m.addEventListener("click", () => {
    const id = Number(m.dataset.values.split(" ")[0]);
    focusValue(id);
    const item = document.getElementById("item-" + id);
    if (item) item.scrollIntoView({ block: "center" });
  }));

  // --- corrections (only when the page is served with an API) ---
  const docId = root.dataset.docId;
  const tokenInput = document.getElementById("token");
  const whoInput = document.getElementById("who");
  if (!root.dataset.editable || !docId || !tokenInput) return;
  tokenInput.value = sessionStorage.getItem("planex-token") || "";
  whoInput.value = localStorage.getItem("planex-who") || "";
  tokenInput.addEventListener("change", () => sessionStorage.setItem("planex-token", tokenInput.value));
  whoInput.addEventListener("change", () => localStorage.setItem("planex-who", whoInput.value));

  async function send(body) {
    body.who = whoInput.value;
    const res = await fetch("/v1/documents/" + docId + "/corrections", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + tokenInput.value },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      alert("Không lưu được: " + ((err.error && err.error.message) || res.status));
      return;
    }
    location.reload();
  }
  document.querySelectorAll("button.fix").forEach((b) => b.addEventListener("click", () => {
    const v = byId.get(Number(b.dataset.value));
    const shown = typeof v.fields === "string" ? v.fields : JSON.stringify(v.fields);
    const fixed = prompt("Giá trị đúng cho " + v.label + ":", shown);
    if (fixed !== null && fixed !== shown) send({ action: "fix", key: v.key, doc: v.doc, new: fixed });
  }));
  document.querySelectorAll("button.remove").forEach((b) => b.addEventListener("click", () => {
    const v = byId.get(Number(b.dataset.value));
    if (confirm("Xoá giá trị \"" + v.summary + "\"?")) send({ action: "remove", key: v.key, doc: v.doc });
  }));

  // Adding a missed value: select its text, choose the family, type the normalised value.
  const form = document.getElementById("add-form");
  let picked = null;
  function offsetOf(node, offset) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    const holder = el.closest("[data-start]");
    return holder ? Number(holder.dataset.start) + offset : null;
  }
  document.getElementById("text").addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed) return;
    const start = offsetOf(sel.anchorNode, sel.anchorOffset);
    const end = offsetOf(sel.focusNode, sel.focusOffset);
    if (start === null || end === null) return;
    picked = { start: Math.min(start, end), end: Math.max(start, end), text: sel.toString() };
    document.getElementById("add-text").textContent = picked.text;
    document.getElementById("add-value").value = picked.text;
    form.hidden = false;
  });
  document.getElementById("add-cancel").addEventListener("click", () => { form.hidden = true; });
  document.getElementById("add-save").addEventListener("click", () => {
    if (!picked) return;
    send({ action: "add", family: document.getElementById("add-family").value,
           new: document.getElementById("add-value").value, span: { start: picked.start, end: picked.end } });
  });
})();
