// The gig filters list the towns of one district only; this fills them from /gigs/towns (one
// cached request) so that changing the district shows its towns, and "distance from" offers
// every town, without shipping hundreds of options in every page.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-towns-url]");
  if (!form) return;
  const district = form.querySelector("#district_id");
  const town = form.querySelector("#town_id");
  const near = form.querySelector("#near_town_id");
  const english = document.documentElement.lang === "en";
  const name = (row) => (english ? row.name_en : row.name_zh);

  // Keep the first option ("All", "My town…"), then the towns, grouped when there are several
  // districts; the chosen town stays chosen when it is still listed.
  const fill = (select, districts) => {
    const chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    select.querySelectorAll("optgroup").forEach((group) => group.remove());
    for (const d of districts) {
      let parent = select;
      if (districts.length > 1) {
        parent = document.createElement("optgroup");
        parent.label = name(d);
        select.appendChild(parent);
      }
      for (const t of d.towns) parent.appendChild(new Option(name(t), String(t.id)));
    }
    select.value = chosen;
    if (select.selectedIndex < 0) select.selectedIndex = 0;
  };

  fetch(form.dataset.townsUrl, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then(({ districts }) => {
      if (near) fill(near, districts);
      if (!district || !town) return;
      district.addEventListener("change", () => {
        fill(town, districts.filter((d) => String(d.id) === district.value));
        town.selectedIndex = 0; // a town of the district chosen before no longer applies
      });
    })
    .catch(() => {}); // without the list the server-side choices still work
});
