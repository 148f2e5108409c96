// Pipeline board: drag a card to another column (or another place in its column).
// A drop fills in the card's own "move to" form and submits it, so dragging and the
// select post the same request; htmx swaps in the affected columns the server sends.
"use strict";

(() => {
  let dragged = null;

  const columnOf = (target) => target.closest && target.closest(".board-column[data-stage]");

  document.addEventListener("dragstart", (event) => {
    const card = event.target.closest && event.target.closest(".board-card[data-card]");
    if (!card) {
      return;
    }
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
    card.classList.add("is-dragging");
  });

  document.addEventListener("dragend", () => {
    if (dragged) {
      dragged.classList.remove("is-dragging");
    }
    dragged = null;
    document.querySelectorAll(".board-column.is-over").forEach((column) => column.classList.remove("is-over"));
  });

  document.addEventListener("dragover", (event) => {
    const column = columnOf(event.target);
    if (!column || !dragged) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    document.querySelectorAll(".board-column.is-over").forEach((other) => {
      if (other !== column) {
        other.classList.remove("is-over");
      }
    });
    column.classList.add("is-over");
  });

  document.addEventListener("drop", (event) => {
    const column = columnOf(event.target);
    if (!column || !dragged) {
      return;
    }
    event.preventDefault();
    column.classList.remove("is-over");
    // The place among the column's other cards: before the first card whose middle is below the pointer.
    const cards = [...column.querySelectorAll(".board-card[data-card]")].filter((card) => card !== dragged);
    let position = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    if (position < 0) {
      position = cards.length;
    }
    const form = dragged.querySelector("form.card-move");
    if (!form) {
      return;
    }
    form.elements.stage.value = column.dataset.stage;
    form.elements.position.value = String(position);
    dragged.classList.add("is-moving");
    form.requestSubmit();
  });

  // After a move the columns are new elements: give the keyboard focus back to the moved card.
  document.addEventListener("htmx:afterSettle", () => {
    const status = document.getElementById("board-status");
    const moved = status && status.dataset.moved;
    if (moved) {
      const select = document.getElementById(`move-${moved}`);
      if (select && document.activeElement === document.body) {
        select.focus();
      }
      delete status.dataset.moved;
    }
  });
})();
