// Reply links work without JavaScript (?replyto=N#respond reloads the page with the
// form addressed to that comment). With JavaScript, the form moves under the
// comment instead, and "Cancel reply" puts it back.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  var form = respond.querySelector("form");
  if (!form) return;
  var home = respond.parentNode;
  var anchor = document.createElement("div");
  home.insertBefore(anchor, respond);
  var title = respond.querySelector(".respond-title");
  var cancel = respond.querySelector(".cancel-reply");
  var parentInput = form.querySelector("input[name=parent]");
  var defaultTitle = title.getAttribute("data-default") || title.textContent;
  title.setAttribute("data-default", defaultTitle);
  var replyPrefix = title.getAttribute("data-reply-prefix") + " ";

  function reset(event) {
    if (event) event.preventDefault();
    parentInput.value = "";
    title.textContent = defaultTitle;
    cancel.hidden = true;
    home.insertBefore(respond, anchor.nextSibling);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.reply");
    if (!link) return;
    event.preventDefault();
    parentInput.value = link.dataset.replyTo;
    title.textContent = replyPrefix + link.dataset.name;
    cancel.hidden = false;
    link.insertAdjacentElement("afterend", respond);
    var body = form.querySelector("textarea");
    if (body) body.focus();
  });
  if (cancel) cancel.querySelector("a").addEventListener("click", reset);
})();
