// Closing or leaving a workshop page frees the laptop's memory at once: the page asks Voilà to shut
// down the Python kernel behind it (about 150 MB each). Voilà 0.5 has the endpoint but its page never
// calls it, so without this every page a teen ever opened would keep its kernel until culled.
(function () {
  "use strict";
  var config = document.getElementById("jupyter-config-data");
  if (!config) {
    return;
  }
  var settings = JSON.parse(config.textContent);
  if (!settings.kernelId) {
    return;
  }
  function cookie(name) {
    var found = document.cookie.split("; ").filter(function (pair) { return pair.indexOf(name + "=") === 0; });
    return found.length ? decodeURIComponent(found[0].slice(name.length + 1)) : "";
  }
  window.addEventListener("pagehide", function (event) {
    if (event.persisted) {
      return; // kept in the back/forward cache: the teen may come back to this very page
    }
    var token = new URLSearchParams(window.location.search).get("token");
    var url = settings.baseUrl + "voila/api/shutdown/" + encodeURIComponent(settings.kernelId) +
      (token ? "?token=" + encodeURIComponent(token) : "");
    fetch(url, { method: "POST", keepalive: true, credentials: "same-origin",
                 headers: { "X-XSRFToken": cookie("_xsrf") } });
  });
})();
