// Draws a chart above every table marked data-chart, from the table's own cells: the table stays the text
// alternative and the only source of the numbers. Without JavaScript (or the library) the tables remain.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Chart === "undefined") {
    return;
  }
  document.querySelectorAll("table[data-chart]").forEach((table) => {
    const columns = Array.from(table.querySelectorAll("thead th")).slice(1).map((th) => th.textContent);
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const labels = rows.map((tr) => tr.querySelector("th").textContent);
    const datasets = columns.map((name, i) => ({
      label: name,
      data: rows.map((tr) => {
        const text = tr.querySelectorAll("td")[i].textContent.trim();
        return text === "" ? null : Number(text);
      }),
      spanGaps: false,
    }));
    const holder = table.closest("figure").querySelector(".chart");
    const canvas = document.createElement("canvas");
    holder.appendChild(canvas);
    new Chart(canvas, {
      type: rows.length > 24 ? "line" : "bar",
      data: { labels, datasets },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } },
    });
  });
});

// The connect form goes to /connect/{platform} itself: a form redirected on to the platform's consent page would be
// stopped by the pages' form-action policy, a plain navigation is not.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("connect-form");
  if (!form) {
    return;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    const label = form.elements.label.value.trim();
    if (label !== "") {
      query.set("label", label);
    }
    if (form.elements.store.value !== "") {
      query.set("store", form.elements.store.value);
    }
    const platform = encodeURIComponent(form.elements.platform.value);
    window.location.assign("/connect/" + platform + (query.size > 0 ? "?" + query : ""));
  });
});
