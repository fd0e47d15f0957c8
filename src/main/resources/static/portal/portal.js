/*
 * Remote Services customer portal: one script for the three pages, chosen by <body data-page="...">:
 *   support  /portal/support          POST /api/support-requests
 *   rssv     /portal/rssv/{token}     GET /api/rssv/{token}, POST /api/rssv/{token} (PDF), POST .../signature
 *   survey   /portal/survey/{token}   GET /api/surveys/{token}, POST /api/surveys/{token}
 *   status   /portal/status/{token}   GET /api/case-status/{token}
 * No dependencies, no inline code (the pages are served with Content-Security-Policy default-src 'self').
 * Everything the server sends is written with textContent, never as HTML.
 */
(function () {
  'use strict';

  var MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
  var TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,200}$/;

  var STATUS_MESSAGES = {
    0: 'We could not reach the server. Please check your internet connection and try again.',
    400: 'Some of the information is not valid. Please check the marked fields.',
    404: 'This link is not valid. Please check that you opened the complete link from our email.',
    410: 'This link has already been used or has expired.',
    413: 'The file is too large. The maximum size is 10 MB.',
    415: 'Only PDF files can be uploaded.',
    422: 'We could not process your request.',
    429: 'Too many attempts. Please wait a moment and try again.',
    500: 'Something went wrong on our side. Please try again later.'
  };

  var LINK_HELP = 'If you still need help, reply to the email you received from us or contact your Remote Services technician.';

  // ---------------------------------------------------------------- API

  /** Calls the API; resolves with the parsed JSON body, rejects with an Error carrying status and fieldErrors. */
  function api(method, url, body) {
    // X-Requested-With: the server's CSRF guard wants it on every non-JSON POST (the PDF upload); a foreign page
    // cannot send it without a CORS preflight, which this server never approves.
    var init = {
      method: method,
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-RSO-Source': 'portal' },
      credentials: 'same-origin',
      cache: 'no-store'
    };
    if (typeof FormData !== 'undefined' && body instanceof FormData) {
      init.body = body; // the browser sets the multipart boundary
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return readJson(response).then(function (data) {
        if (response.ok) {
          return data || {};
        }
        throw apiError(response.status, data);
      });
    }, function () {
      throw apiError(0, null);
    });
  }

  function readJson(response) {
    var type = response.headers.get('Content-Type') || '';
    if (response.status === 204 || type.indexOf('json') === -1) {
      return Promise.resolve(null);
    }
    return response.json().catch(function () {
      return null;
    });
  }

  function apiError(status, data) {
    var message = data && typeof data.message === 'string' && data.message.trim() ? sentence(data.message) : null;
    if (!message) {
      message = STATUS_MESSAGES[status] || (status >= 500 ? STATUS_MESSAGES[500] : 'The request failed (error ' + status + '). Please try again.');
    }
    var error = new Error(message);
    error.status = status;
    error.fieldErrors = data && Array.isArray(data.fieldErrors) ? data.fieldErrors.filter(function (f) {
      return f && typeof f.field === 'string';
    }) : [];
    return error;
  }

  // ---------------------------------------------------------------- small helpers

  function byId(id) {
    return document.getElementById(id);
  }

  function show(element) {
    if (element) {
      element.hidden = false;
    }
  }

  function hide(element) {
    if (element) {
      element.hidden = true;
    }
  }

  function focusElement(element) {
    if (!element) {
      return;
    }
    if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
      element.setAttribute('tabindex', '-1');
    }
    element.focus();
    if (element.scrollIntoView) {
      element.scrollIntoView({ block: 'nearest' });
    }
  }

  /** "must be a well-formed email address" -> "Must be a well-formed email address." */
  function sentence(text) {
    var s = String(text == null ? '' : text).trim();
    if (!s) {
      return 'This value is not valid.';
    }
    s = s.charAt(0).toUpperCase() + s.slice(1);
    return /[.!?]$/.test(s) ? s : s + '.';
  }

  function formatDateTime(value) {
    var date = new Date(value);
    if (!value || isNaN(date.getTime())) {
      return value == null ? '' : String(value);
    }
    try {
      return date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
    } catch (e) {
      return date.toLocaleString();
    }
  }

  /** Fills every [data-bind="key"] below root with the value's text. */
  function bind(root, data) {
    var targets = root.querySelectorAll('[data-bind]');
    Array.prototype.forEach.call(targets, function (target) {
      var value = data ? data[target.getAttribute('data-bind')] : null;
      if (value === null || value === undefined || value === '') {
        target.textContent = '–';
        return;
      }
      if (target.getAttribute('data-format') === 'datetime') {
        target.textContent = '';
        var time = document.createElement('time');
        time.setAttribute('datetime', String(value));
        time.textContent = formatDateTime(value);
        target.appendChild(time);
      } else {
        target.textContent = String(value);
      }
    });
  }

  /** The page's token: the last segment of the path (/portal/rssv/{token}), or null if it cannot be one. */
  function pageToken() {
    var segments = window.location.pathname.split('/').filter(Boolean);
    var token = segments.length ? segments[segments.length - 1] : '';
    return TOKEN_SHAPE.test(token) ? token : null;
  }

  function setBusy(form, busy) {
    var button = form.querySelector('button[type="submit"]');
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
    if (!button) {
      return;
    }
    if (busy) {
      button.setAttribute('data-idle-text', button.textContent);
      button.textContent = button.getAttribute('data-busy-text') || 'Sending…';
      button.disabled = true;
    } else {
      button.textContent = button.getAttribute('data-idle-text') || button.textContent;
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- field errors

  function formAlert(form) {
    return form.querySelector('.form-alert');
  }

  function findField(form, name) {
    var wrappers = form.querySelectorAll('[data-field]');
    var candidates = [name];
    var last = name.split(/[.[\]]/).filter(Boolean).pop();
    if (last && last !== name) {
      candidates.push(last);
    }
    for (var c = 0; c < candidates.length; c++) {
      for (var i = 0; i < wrappers.length; i++) {
        if (wrappers[i].getAttribute('data-field') === candidates[c]) {
          return wrappers[i];
        }
      }
    }
    return null;
  }

  function controlsOf(wrapper) {
    return wrapper.querySelectorAll('input, textarea, select');
  }

  function fieldLabel(wrapper, fallback) {
    var label = wrapper.querySelector('legend, label');
    var text = label ? label.textContent.replace(/\s+/g, ' ').trim() : '';
    return text || fallback;
  }

  function addDescribedBy(control, id) {
    var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) === -1) {
      ids.push(id);
      control.setAttribute('aria-describedby', ids.join(' '));
    }
  }

  function markField(form, wrapper, message) {
    var name = wrapper.getAttribute('data-field');
    var errorId = (form.id || 'form') + '-' + name + '-error';
    var errorElement = byId(errorId);
    if (!errorElement) {
      errorElement = document.createElement('p');
      errorElement.className = 'field-error';
      errorElement.id = errorId;
      wrapper.appendChild(errorElement);
    }
    errorElement.textContent = message;
    show(errorElement);
    wrapper.classList.add('has-error');
    Array.prototype.forEach.call(controlsOf(wrapper), function (control) {
      control.setAttribute('aria-invalid', 'true');
      addDescribedBy(control, errorId);
    });
  }

  function clearField(wrapper) {
    wrapper.classList.remove('has-error');
    Array.prototype.forEach.call(wrapper.querySelectorAll('.field-error'), function (element) {
      element.textContent = '';
      hide(element);
    });
    Array.prototype.forEach.call(controlsOf(wrapper), function (control) {
      control.removeAttribute('aria-invalid');
    });
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll('[data-field]'), clearField);
    var alert = formAlert(form);
    if (alert) {
      alert.textContent = '';
      hide(alert);
    }
  }

  /**
   * Shows message in the form's alert box and marks each named field; the alert lists the field problems
   * with links to the fields. problems: [{field, message}] as in the API's fieldErrors.
   */
  function showFormError(form, message, problems) {
    clearErrors(form);
    var alert = formAlert(form);
    var list = document.createElement('ul');
    (problems || []).forEach(function (problem) {
      var name = String(problem.field);
      var text = sentence(problem.message);
      var wrapper = findField(form, name);
      var item = document.createElement('li');
      if (wrapper) {
        markField(form, wrapper, text);
        var control = controlsOf(wrapper)[0];
        var label = fieldLabel(wrapper, name);
        if (control && control.id) {
          var link = document.createElement('a');
          link.href = '#' + control.id;
          link.textContent = label + ': ' + text;
          link.addEventListener('click', function (event) {
            event.preventDefault();
            control.focus();
          });
          item.appendChild(link);
        } else {
          item.textContent = label + ': ' + text;
        }
      } else {
        item.textContent = name + ': ' + text;
      }
      list.appendChild(item);
    });
    if (!alert) {
      window.alert(message);
      return;
    }
    var title = document.createElement('p');
    title.className = 'alert-title';
    title.textContent = message;
    alert.appendChild(title);
    if (list.children.length) {
      alert.appendChild(list);
    }
    show(alert);
    focusElement(alert);
  }

  function showApiError(form, error, extraProblems) {
    var problems = (error.fieldErrors || []).slice();
    if (!problems.length && extraProblems) {
      problems = extraProblems;
    }
    showFormError(form, error.message, problems);
  }

  // ---------------------------------------------------------------- client-side checks

  function describeInvalid(control) {
    var v = control.validity;
    if (v.valueMissing) {
      if (control.type === 'radio') {
        return 'Please choose one of the options.';
      }
      if (control.type === 'checkbox') {
        return 'Please tick this box to continue.';
      }
      if (control.type === 'file') {
        return 'Please choose a file.';
      }
      return 'Please fill in this field.';
    }
    if (v.typeMismatch && control.type === 'email') {
      return 'Enter an email address like name@example.com.';
    }
    if (v.tooLong) {
      return 'Use at most ' + control.maxLength + ' characters.';
    }
    return control.validationMessage || 'This value is not valid.';
  }

  function isTextLike(control) {
    return control.tagName === 'TEXTAREA' || /^(text|email|tel|search|url)$/.test(control.type);
  }

  /** The browser's own constraint checks (required, type=email, maxlength), reported like the API's fieldErrors. */
  function checkForm(form) {
    var problems = [];
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || !control.willValidate || seen[control.name]) {
        return;
      }
      var message = null;
      if (!control.validity.valid) {
        message = describeInvalid(control);
      } else if (control.required && isTextLike(control) && !control.value.trim()) {
        message = 'Please fill in this field.';
      } else if (isTextLike(control) && control.maxLength > 0 && control.value.length > control.maxLength) {
        message = 'Use at most ' + control.maxLength + ' characters.';
      }
      if (message) {
        seen[control.name] = true;
        problems.push({ field: control.name, message: message });
      }
    });
    return problems;
  }

  function value(form, name) {
    var control = form.elements[name];
    return control && typeof control.value === 'string' ? control.value.trim() : '';
  }

  // ---------------------------------------------------------------- page: support request

  function initSupport() {
    var form = byId('support-form');
    var success = byId('support-success');
    if (!form) {
      return;
    }
    // a security notice's link names the job: /portal/support?jobNumber=J-1&reason=security-update
    var asked = new URLSearchParams(window.location.search).get('jobNumber');
    if (asked && form.elements.jobNumber && /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/.test(asked)) {
      form.elements.jobNumber.value = asked;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (form.getAttribute('aria-busy') === 'true') {
        return;
      }
      var problems = checkForm(form);
      if (problems.length) {
        showFormError(form, 'Please correct the marked fields.', problems);
        return;
      }
      clearErrors(form);
      var body = {
        name: value(form, 'name'),
        phone: value(form, 'phone'),
        email: value(form, 'email'),
        jobNumber: value(form, 'jobNumber'),
        marketingConsent: !!(form.elements.marketingConsent && form.elements.marketingConsent.checked)
      };
      var country = form.elements.country ? value(form, 'country') : '';
      if (country) {
        body.country = country.toUpperCase();
      }
      setBusy(form, true);
      api('POST', '/api/support-requests', body).then(function (result) {
        bind(success, result);
        var statusLink = byId('status-link');
        if (statusLink && typeof result.statusLink === 'string' && /^https?:\/\//.test(result.statusLink)) {
          statusLink.querySelector('a').setAttribute('href', result.statusLink);
          show(statusLink);
        }
        if (result.gpcHonored && byId('gpc-honored')) {
          show(byId('gpc-honored')); // the browser sent Sec-GPC: 1 with the request
        }
        if (typeof result.gpcNote === 'string' && result.gpcNote && byId('gpc-note')) {
          byId('gpc-note').textContent = result.gpcNote; // an earlier choice it conflicted with; the signal won
          show(byId('gpc-note'));
        }
        hide(form);
        show(success);
        focusElement(success);
      }, function (error) {
        setBusy(form, false);
        var extra = error.status === 422
          ? [{ field: 'jobNumber', message: 'Check the job number on your service paperwork.' }]
          : null;
        showApiError(form, error, extra);
      });
    });
  }

  // ---------------------------------------------------------------- pages with a token link

  /** Loads the page's data; on 404/410 (or any error) shows the message and keeps the content hidden. */
  function loadTokenPage(url, onLoaded) {
    var loading = byId('page-loading');
    var alert = byId('page-alert');
    var content = byId('page-content');
    var token = pageToken();

    function fail(error) {
      hide(loading);
      hide(content);
      alert.textContent = '';
      var title = document.createElement('p');
      title.className = 'alert-title';
      title.textContent = error.message;
      alert.appendChild(title);
      if (error.status === 404 || error.status === 410) {
        var help = document.createElement('p');
        help.textContent = LINK_HELP;
        alert.appendChild(help);
      }
      show(alert);
    }

    if (!token) {
      fail(apiError(404, null));
      return;
    }
    api('GET', url(token)).then(function (data) {
      hide(loading);
      bind(content, data);
      show(content);
      onLoaded(token, data);
    }, fail);
  }

  // ---------------------------------------------------------------- page: case status

  var STEP_STATES = { DONE: 'Done', CURRENT: 'Now', WAITING: 'Later', SKIPPED: 'Not needed' };

  function initStatus() {
    loadTokenPage(function (token) {
      return '/api/case-status/' + encodeURIComponent(token);
    }, function (token, view) {
      var list = byId('status-steps');
      list.textContent = '';
      (view.steps || []).forEach(function (step) {
        var item = document.createElement('li');
        item.className = 'status-step status-' + String(step.state || '').toLowerCase();
        var state = document.createElement('strong');
        state.textContent = (STEP_STATES[step.state] || step.state) + ': ';
        item.appendChild(state);
        item.appendChild(document.createTextNode(step.label || ''));
        if (step.local && String(step.label || '').indexOf(step.local) === -1) {
          var when = document.createElement('span');
          when.className = 'hint';
          when.textContent = ' (' + step.local + ')';
          item.appendChild(when);
        }
        list.appendChild(item);
      });
    });
  }

  // ---------------------------------------------------------------- page: RSSV return

  function initRssv() {
    loadTokenPage(function (token) {
      return '/api/rssv/' + encodeURIComponent(token);
    }, function (token, info) {
      var base = '/api/rssv/' + encodeURIComponent(token);
      var download = byId('rssv-download');
      download.href = base + '/form.pdf';
      download.setAttribute('download', 'RSSV-' + (info.referenceCode || info.caseNumber || 'form') + '.pdf');

      if (info.status === 'RETURNED') {
        done();
        return;
      }
      initUpload(byId('upload-form'), base);
      initSignature(byId('sign-form'), base);
    });

    function done() {
      hide(byId('rssv-return'));
      var success = byId('rssv-success');
      show(success);
      focusElement(success);
    }

    function checkFile(file) {
      if (!file) {
        return 'Please choose the signed PDF file.';
      }
      var typeOk = !file.type || /pdf/i.test(file.type);
      if (!/\.pdf$/i.test(file.name) || !typeOk) {
        return 'The file must be a PDF (a file name ending in .pdf).';
      }
      if (file.size === 0) {
        return 'The file is empty. Please choose the signed PDF file.';
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        return 'The file is ' + (file.size / 1048576).toFixed(1) + ' MB; the maximum is 10 MB.';
      }
      return null;
    }

    function initUpload(form, base) {
      var input = form.elements.file;
      input.addEventListener('change', function () {
        clearErrors(form);
        var problem = input.files && input.files.length ? checkFile(input.files[0]) : null;
        if (problem) {
          markField(form, findField(form, 'file'), problem); // shown next to the field, focus stays there
        }
      });
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (form.getAttribute('aria-busy') === 'true') {
          return;
        }
        var file = input.files && input.files.length ? input.files[0] : null;
        var problem = checkFile(file);
        if (problem) {
          showFormError(form, 'Please check the file you chose.', [{ field: 'file', message: problem }]);
          return;
        }
        clearErrors(form);
        var body = new FormData();
        body.append('file', file, file.name);
        setBusy(form, true);
        api('POST', base, body).then(done, function (error) {
          setBusy(form, false);
          var extra = error.status === 413 || error.status === 415 ? [{ field: 'file', message: error.message }] : null;
          showApiError(form, error, extra);
        });
      });
    }

    function initSignature(form, base) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (form.getAttribute('aria-busy') === 'true') {
          return;
        }
        var problems = checkForm(form);
        if (problems.length) {
          showFormError(form, 'Please correct the marked fields.', problems);
          return;
        }
        clearErrors(form);
        var body = { fullName: value(form, 'fullName'), consent: form.elements.consent.checked === true };
        setBusy(form, true);
        api('POST', base + '/signature', body).then(done, function (error) {
          setBusy(form, false);
          showApiError(form, error);
        });
      });
    }
  }

  // ---------------------------------------------------------------- page: survey

  function initSurvey() {
    loadTokenPage(function (token) {
      return '/api/surveys/' + encodeURIComponent(token);
    }, function (token) {
      var url = '/api/surveys/' + encodeURIComponent(token);
      var form = byId('survey-form');
      var success = byId('survey-success');
      initCounter(form.elements.comment, byId('comment-counter'), byId('comment-counter-live'));

      form.addEventListener('change', function (event) {
        if (event.target.name === 'rating') {
          var wrapper = findField(form, 'rating');
          if (wrapper && wrapper.classList.contains('has-error')) {
            clearField(wrapper);
          }
        }
      });

      form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (form.getAttribute('aria-busy') === 'true') {
          return;
        }
        var problems = checkForm(form);
        if (problems.length) {
          showFormError(form, 'Please correct the marked fields.', problems);
          return;
        }
        clearErrors(form);
        var body = { rating: parseInt(form.elements.rating.value, 10) };
        var comment = value(form, 'comment');
        if (comment) {
          body.comment = comment;
        }
        setBusy(form, true);
        api('POST', url, body).then(function () {
          hide(form);
          show(success);
          focusElement(success);
        }, function (error) {
          setBusy(form, false);
          showApiError(form, error);
        });
      });
    });
  }

  function initCounter(textarea, counter, live) {
    if (!textarea || !counter) {
      return;
    }
    var max = textarea.maxLength > 0 ? textarea.maxLength : 2000;
    var timer = null;
    function update(announce) {
      var used = textarea.value.length;
      counter.textContent = used + ' of ' + max + ' characters';
      if (live && announce) {
        clearTimeout(timer);
        timer = setTimeout(function () {
          live.textContent = (max - used) + ' characters left';
        }, 1000);
      }
    }
    textarea.addEventListener('input', function () {
      update(true);
    });
    update(false);
  }

  // ---------------------------------------------------------------- start

  function start() {
    var page = document.body.getAttribute('data-page');
    if (page === 'support') {
      initSupport();
    } else if (page === 'rssv') {
      initRssv();
    } else if (page === 'survey') {
      initSurvey();
    } else if (page === 'status') {
      initStatus();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
