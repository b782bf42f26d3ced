/* Training portal: self-check scores and progress, kept in this browser only.
 *
 * Progressive enhancement: without this file the answers stay reachable in
 * <details>. Progress lives in localStorage under "formation:<course slug>" as
 * {"version": 1, "lessons": {"<lesson slug>": {"done": true, "best": 3, "total": 4}}}.
 * Nothing is sent anywhere. See plugins/training/README.md.
 */
(function () {
  "use strict";

  var NBSP = "\u00a0";
  var PREFIX = "formation:";

  function storageKey(course) {
    return PREFIX + course;
  }

  function load(course) {
    try {
      var raw = window.localStorage.getItem(storageKey(course));
      var data = raw ? JSON.parse(raw) : null;
      if (data && data.version === 1 && data.lessons && typeof data.lessons === "object") {
        return data;
      }
    } catch (error) {
      // Storage disabled or corrupted: start again from nothing.
    }
    return { version: 1, lessons: {} };
  }

  function save(course, data) {
    try {
      window.localStorage.setItem(storageKey(course), JSON.stringify(data));
      return true;
    } catch (error) {
      return false;
    }
  }

  function storageWorks() {
    try {
      var probe = PREFIX + "test";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  function score(best, total) {
    return best + NBSP + "sur" + NBSP + total;
  }

  function doneText(done, total) {
    // French keeps 0 and 1 singular.
    var plural = done > 1 ? "s" : "";
    return done + " leçon" + plural + " terminée" + plural + " sur " + total;
  }

  /* Lesson page: score the self-check, give feedback, record progress. */
  function setUpLesson(article) {
    var form = article.querySelector("[data-training-form]");
    if (!form) {
      return;
    }
    var course = article.getAttribute("data-training-course");
    var lesson = article.getAttribute("data-training-lesson");
    var actions = form.querySelector("[data-training-actions]");
    var result = form.querySelector("[data-training-result]");
    var doneNote = article.querySelector("[data-training-done]");
    actions.hidden = false;

    function showDone() {
      var entry = load(course).lessons[lesson];
      if (!doneNote || !entry || !entry.done) {
        return;
      }
      doneNote.textContent = entry.total
        ? "Leçon terminée" + NBSP + "; meilleur score" + NBSP + ": " + score(entry.best, entry.total) + "."
        : "Leçon terminée.";
      doneNote.hidden = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var questions = form.querySelectorAll("[data-question]");
      var right = 0;
      Array.prototype.forEach.call(questions, function (question) {
        var answer = question.getAttribute("data-answer");
        var checked = question.querySelector("input:checked");
        var feedback = question.querySelector("[data-feedback]");
        var details = question.querySelector("details");
        var correct = question.querySelector('input[value="' + answer + '"]');
        var correctLabel = form.querySelector('label[for="' + correct.id + '"]').textContent;
        question.classList.remove("is-right", "is-wrong");
        if (checked && checked.value === answer) {
          right += 1;
          question.classList.add("is-right");
          feedback.textContent = "Bonne réponse.";
        } else {
          question.classList.add("is-wrong");
          feedback.textContent =
            (checked ? "Ce n’est pas la bonne réponse." : "Vous n’avez pas répondu.") +
            " La bonne réponse" + NBSP + ": «" + NBSP + correctLabel + NBSP + "».";
        }
        if (details) {
          details.open = true;
        }
      });
      var total = questions.length;
      var data = load(course);
      var previous = data.lessons[lesson];
      var best = previous && previous.total === total ? Math.max(previous.best, right) : right;
      data.lessons[lesson] = { done: true, best: best, total: total };
      var saved = save(course, data);
      var message = total
        ? "Votre score" + NBSP + ": " + score(right, total) + "."
        : "Leçon marquée comme terminée.";
      if (total && best > right) {
        message += " Votre meilleur score reste " + score(best, total) + ".";
      }
      if (!saved) {
        message += " Votre navigateur ne permet pas de garder votre progression.";
      }
      result.textContent = message;
      result.focus();
      showDone();
    });

    showDone();
  }

  /* Course page: lessons done, best scores, reset. */
  function setUpCourse(article) {
    var panel = article.querySelector("[data-training-progress]");
    if (!panel || !storageWorks()) {
      return;
    }
    var course = article.getAttribute("data-training-course");
    var total = parseInt(article.getAttribute("data-training-total"), 10) || 0;
    var count = panel.querySelector("[data-training-count]");
    var reset = panel.querySelector("[data-training-reset]");
    var items = article.querySelectorAll("[data-training-lesson]");

    function render(announce) {
      var lessons = load(course).lessons;
      var done = 0;
      Array.prototype.forEach.call(items, function (item) {
        var entry = lessons[item.getAttribute("data-training-lesson")];
        var status = item.querySelector("[data-training-status]");
        var finished = Boolean(entry && entry.done);
        item.classList.toggle("is-done", finished);
        if (finished) {
          done += 1;
        }
        if (status) {
          status.textContent = !finished
            ? ""
            : entry.total
              ? "Terminée, meilleur score" + NBSP + ": " + score(entry.best, entry.total)
              : "Terminée";
        }
      });
      count.textContent = doneText(done, total) + "." + (announce ? " " + announce : "");
    }

    reset.addEventListener("click", function () {
      try {
        window.localStorage.removeItem(storageKey(course));
      } catch (error) {
        // Nothing stored, nothing to remove.
      }
      render("Votre progression a été effacée.");
    });

    panel.hidden = false;
    render("");
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-training-course]"), function (el) {
    if (el.hasAttribute("data-training-lesson")) {
      setUpLesson(el);
    } else {
      setUpCourse(el);
    }
  });
})();
