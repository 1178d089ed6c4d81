// A page opened in English (`&lang=en`, from the launcher's link) says so to screen readers, which
// then read it with an English voice: Voilà writes the kit's default, lang="fr", into every page.
// The languages are kit.i18n.LANGUAGES; the kernel draws the page in the same one.
(function () {
  "use strict";
  var asked = new URLSearchParams(window.location.search).get("lang");
  if (["fr", "en"].indexOf(asked) !== -1) {
    document.documentElement.lang = asked;
  }
})();
