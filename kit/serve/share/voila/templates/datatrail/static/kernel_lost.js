// When the Python kernel behind a workshop page dies (the system killed it because the laptop ran out of
// memory, or it crashed), Voilà's page carries on as if nothing happened: its buttons silently do nothing
// and teens tap again and again. This covers the page with a notice, in the page's language, whose button
// reloads it: a reload gets a new kernel and a fresh page.
//
// How the page learns it, over its kernel's websocket: jupyter_server checks every 3 s that each kernel is
// alive. When one is found dead it sends its pages a `status` message, execution_state "dead" if it gives
// the kernel up (the room's server does, `--KernelRestarter.restart_limit=0`, and forgets it), "restarting"
// if it starts a new one under the same id: that one has none of the page's widgets, so the page is lost
// either way. A page that was not connected at that moment (phone asleep, wifi gap), or that arrives after
// its kernel is gone (Voilà's pool hands out a waiting kernel without looking), asks the server once loaded
// and whenever its socket closes: 404 (the server forgot the kernel) or a kernel it reports "dead" is lost.
// Pages without widgets (the launcher: links only) keep working without their kernel and show nothing.
//
// Loaded in the page's head: Voilà's page code keeps the WebSocket class it finds when its code first
// runs, so the class that watches the kernel's socket must be in place before.
(function () {
  "use strict";
  var watched = null; // this page's kernel, once the page is known to need it
  var leaving = false;
  var shown = false;

  var NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (watched && String(url).indexOf(watched.url + "/channels") !== -1) {
        this.addEventListener("message", function (event) {
          var state = executionState(event.data);
          if (state === "dead" || state === "restarting") {
            lost();
          }
        });
        this.addEventListener("close", checkKernel);
      }
    }
  };
  document.addEventListener("DOMContentLoaded", start);

  // Voilà writes the kernel's id and each cell's outputs into the page; its page code connects to the
  // kernel and turns the outputs into widgets once the page has loaded.
  function start() {
    var config = document.getElementById("jupyter-config-data");
    if (!config) {
      return;
    }
    var settings = JSON.parse(config.textContent);
    var outputs = document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]');
    var widgets = Array.prototype.some.call(outputs, function (output) {
      return output.textContent.indexOf("application/vnd.jupyter.widget-view+json") !== -1;
    });
    if (!settings.kernelId || !widgets) {
      return;
    }
    var token = new URLSearchParams(window.location.search).get("token");
    watched = {
      url: settings.baseUrl + "api/kernels/" + encodeURIComponent(settings.kernelId),
      query: token ? "?token=" + encodeURIComponent(token) : ""
    };
    // The teen is leaving: Voilà's page code closes the kernel's socket (before the page is hidden), then
    // release_kernel.js shuts the kernel down on purpose. Neither means the kernel was lost.
    window.addEventListener("beforeunload", function () {
      leaving = true;
    });
    window.addEventListener("pagehide", function (event) {
      leaving = leaving || !event.persisted;
    });
    window.addEventListener("load", checkKernel);
  }

  // A status message's execution_state, or undefined. Binary frames are Jupyter's websocket protocol v1
  // (what Voilà's page asks for): a count of offsets, the offsets (64-bit little-endian), then the channel,
  // header, parent header, metadata and content. Text frames are the older protocol: one JSON message.
  function executionState(data) {
    var message;
    if (data instanceof ArrayBuffer) {
      var view = new DataView(data);
      var offset = function (index) { return view.getUint32(8 * (index + 1), true); };
      var part = function (index) {
        return new TextDecoder().decode(new Uint8Array(data, offset(index), offset(index + 1) - offset(index)));
      };
      if (data.byteLength < 56 || view.getUint32(0, true) < 6 || part(0) !== "iopub" ||
          JSON.parse(part(1)).msg_type !== "status") {
        return undefined;
      }
      message = { content: JSON.parse(part(4)) };
    } else if (typeof data === "string" && data.indexOf("execution_state") !== -1) {
      message = JSON.parse(data);
      if (message.header.msg_type !== "status") {
        return undefined;
      }
    } else {
      return undefined;
    }
    return message.content.execution_state;
  }

  function checkKernel() {
    if (shown || leaving) {
      return;
    }
    fetch(watched.url + watched.query, { credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 404) {
          lost();
        } else if (response.ok) {
          return response.json().then(function (model) {
            if (model.execution_state === "dead") {
              lost();
            }
          });
        }
      })
      .catch(function () {}); // the laptop is out of reach: a wifi problem, not this page's kernel
  }

  var TEXTS = {
    fr: {
      message: "Cette page s'est arrêtée : l'ordinateur de la salle manquait de place. Ce n'est pas de ta " +
               "faute. Recharge la page pour recommencer ; ce que tu avais fait sur cette page est perdu.",
      reload: "Recharger la page"
    },
    en: {
      message: "This page has stopped: the room's computer ran out of space. It is not your fault. " +
               "Reload the page to start again; what you had done on this page is lost.",
      reload: "Reload the page"
    }
  };

  // Over the whole page, and everything else made inert: no tap, key or screen reader reaches a widget
  // whose kernel is gone. The same language rule as page_language.js.
  function lost() {
    if (shown || leaving) {
      return;
    }
    shown = true;
    var asked = new URLSearchParams(window.location.search).get("lang");
    var language = Object.prototype.hasOwnProperty.call(TEXTS, asked) ? asked : "fr";
    var words = TEXTS[language];
    Array.prototype.forEach.call(document.body.children, function (element) {
      element.inert = true;
    });
    var style = document.createElement("style");
    style.textContent =
      "#datatrail-kernel-lost { position: fixed; inset: 0; z-index: 100000; display: flex;" +
      " align-items: center; justify-content: center; padding: 1em; background: rgba(0, 0, 0, 0.7); }" +
      "#datatrail-kernel-lost > div { max-width: 30em; padding: 1.5em; border-radius: 0.5em; background: #fff;" +
      " color: #1a1a1a; font: 1.25rem/1.5 system-ui, sans-serif; }" +
      "#datatrail-kernel-lost p { margin: 0 0 1em; }" +
      "#datatrail-kernel-lost button { min-height: 3em; padding: 0.5em 1.25em; border: 0; border-radius: 0.4em;" +
      " background: #0b4f8a; color: #fff; font: inherit; font-weight: bold; cursor: pointer; }" +
      "#datatrail-kernel-lost button:focus-visible { outline: 0.2em solid #1a1a1a; outline-offset: 0.2em; }";
    var notice = document.createElement("div");
    notice.id = "datatrail-kernel-lost";
    notice.lang = language;
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    var message = document.createElement("p");
    message.textContent = words.message;
    var reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = words.reload;
    reload.addEventListener("click", function () {
      window.location.reload();
    });
    box.append(message, reload);
    notice.append(style, box);
    document.body.append(notice);
    reload.focus();
  }
})();
