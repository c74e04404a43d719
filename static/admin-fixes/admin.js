// Django admin's widgets, given the names WCAG 2.2 (axe) asks for. Widgets appear late (select2
// on load, inline rows on "Add another"), so a MutationObserver labels whatever appears.
(function () {
  function labelText(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    return label ? label.textContent.replace(/[:*]\s*$/, "").trim() : "";
  }

  function name(element, text) {
    if (text && !element.hasAttribute("aria-label")) { element.setAttribute("aria-label", text); }
  }

  function fix(root) {
    // Split date and time: two inputs, one label (pointing at neither, or at the first).
    root.querySelectorAll("p.datetime").forEach(function (box) {
      var inputs = box.querySelectorAll("input.vDateField, input.vTimeField");
      var base = inputs.length ? inputs[0].id.replace(/_0$/, "") : "";
      var text = labelText(base) || labelText(base + "_0") ||
        (box.closest(".form-row, td") && (box.closest(".form-row, td").querySelector("label") || {}).textContent) || "";
      text = (text || "").replace(/[:*]\s*$/, "").trim();
      inputs.forEach(function (input) {
        name(input, text + (input.classList.contains("vTimeField") ? " (time)" : " (date)"));
      });
    });
    // Tabular inlines: a cell's field is named by its column header and its row.
    root.querySelectorAll(".tabular table").forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll("tbody tr").forEach(function (row, number) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
            if (field.labels && field.labels.length) { return; }
            var header = headers[index] || (field.name.split("-").pop() === "DELETE" ? "Delete" : field.name);
            name(field, (header || "Field") + ", row " + (number + 1));
          });
        });
      });
    });
    // Autocomplete (select2): the box and its search field take the select's label.
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var text = labelText(select.id);
      var box = select.nextElementSibling;
      if (!box || !box.classList.contains("select2")) { return; }
      box.querySelectorAll(".select2-selection, .select2-search__field, .select2-selection__rendered[role=textbox]").forEach(function (part) {
        name(part, text);
      });
      box.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        list.setAttribute("role", "presentation");
      });
    });
    // Filter boxes (filter_horizontal): the magnifier icon's label needs an image role.
    root.querySelectorAll(".help-tooltip[aria-label]:not([role]), .search-label-icon[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }

  var pending = false;
  function soon() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; fix(document); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    fix(document);
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", soon);
})();
