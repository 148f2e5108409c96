// World-Café planning: planning takes a few seconds on the server; say so, and do not plan twice.
"use strict";

document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-busy]");
  if (!form) {
    return;
  }
  if (form.dataset.submitting) {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = "true";
  form.classList.add("wc-is-busy");
  const status = form.querySelector(".wc-busy");
  if (status) {
    status.textContent = form.dataset.busy;
  }
});

// Coming back to the page (back button) must not leave the form locked.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-busy]").forEach((form) => {
    delete form.dataset.submitting;
    form.classList.remove("wc-is-busy");
    const status = form.querySelector(".wc-busy");
    if (status) {
      status.textContent = "";
    }
  });
});
