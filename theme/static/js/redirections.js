/* Old query addresses of the site (/?p=123, /?page_id=7), sent on to their new page.
 *
 * A static host answers "/?p=123" with the home page, whatever the query: this script,
 * loaded by the home page only when content/redirections.csv holds such addresses,
 * reads redirections.json (same origin) and replaces the address. It needs JavaScript;
 * the server rules written beside it (_redirects, .htaccess, nginx) do the same with a
 * real 301 and should be preferred. See plugins/redirects/README.md.
 */
(function () {
  "use strict";

  var search = window.location.search;
  var script = document.currentScript;
  if (!search || search === "?" || !script || !window.fetch || !window.URLSearchParams) {
    return;
  }

  // Extra parameters (?p=123&utm_source=...) do not hide a known address.
  function matches(key, given) {
    var wanted = new URLSearchParams(key);
    var found = false;
    var all = true;
    wanted.forEach(function (value, name) {
      found = true;
      if (given.get(name) !== value) {
        all = false;
      }
    });
    return found && all;
  }

  function target(map) {
    if (Object.prototype.hasOwnProperty.call(map, search)) {
      return map[search];
    }
    var given = new URLSearchParams(search);
    var keys = Object.keys(map);
    for (var i = 0; i < keys.length; i += 1) {
      if (matches(keys[i], given)) {
        return map[keys[i]];
      }
    }
    return null;
  }

  fetch(script.getAttribute("data-redirections"), { credentials: "same-origin" })
    .then(function (response) {
      return response.ok ? response.json() : {};
    })
    .then(function (map) {
      var url = target(map);
      if (url) {
        window.location.replace(url);
      }
    })
    .catch(function () {
      // No map, or no network: the reader stays on the home page.
    });
})();
