// The what-if planner: a click on the map fills the longitude and latitude fields (the form works without it).
(function () {
  var svg = document.querySelector("svg.life-map[data-min-lon]");
  var lon = document.getElementById("lon");
  var lat = document.getElementById("lat");
  if (!svg || !lon || !lat) return;
  svg.style.cursor = "crosshair";
  svg.addEventListener("click", function (event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var local = point.matrixTransform(svg.getScreenCTM().inverse());
    var minLon = parseFloat(svg.dataset.minLon), maxLat = parseFloat(svg.dataset.maxLat);
    var perLon = parseFloat(svg.dataset.metersPerLon), perLat = parseFloat(svg.dataset.metersPerLat);
    lon.value = (minLon + local.x / perLon).toFixed(6);
    lat.value = (maxLat - local.y / perLat).toFixed(6);
    var pin = document.getElementById("proposed-pin");
    if (pin) {
      pin.setAttribute("cx", local.x);
      pin.setAttribute("cy", local.y);
      pin.style.display = "";
    }
  });
})();
