/*
 * Remote Services portal, privacy pages (chosen by <body data-page="...">):
 *   privacy-request   /portal/privacy-request                     POST /api/privacy-requests
 *   privacy-evidence  /portal/privacy/{declaration|agent-permission|confirmation|identity|email-change}/{token}
 *                     GET /api/privacy/{kind}/{token}; POST (PDF upload), POST .../signature, POST (confirm)
 *   privacy-download  /portal/privacy/download/{token}: GET /api/privacy/downloads/{token}; POST {code} answers the file
 *   unsubscribe       /portal/unsubscribe/{token}                 GET/POST /api/unsubscribe/{token}
 *   privacy-receipt   /portal/privacy/receipt/{token}             GET/POST /api/privacy/receipts/{token} (a recipient confirms a notice)
 * No dependencies, no inline code; server text is written with textContent only.
 */
(function () {
  'use strict';

  var TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,200}$/;
  var MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
  var MESSAGES = {
    0: 'We could not reach the server. Please check your internet connection and try again.',
    404: 'This link is not valid. Please check that you opened the complete link from our email.',
    410: 'This link has already been used or has expired.',
    413: 'The file is too large. The maximum size is 10 MB.',
    415: 'Only PDF files can be uploaded.',
    500: 'Something went wrong on our side. Please try again later.'
  };

  function byId(id) { return document.getElementById(id); }
  function show(el) { if (el) { el.hidden = false; } }
  function hide(el) { if (el) { el.hidden = true; } }

  function api(method, url, body) {
    // X-Requested-With: the server's CSRF guard wants it on every non-JSON POST (uploads, confirmations without a body)
    var init = { method: method, headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin', cache: 'no-store' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.ok) { return data || {}; }
        var error = new Error(data && data.message ? String(data.message) : (MESSAGES[response.status] || MESSAGES[500]));
        error.status = response.status;
        error.fieldErrors = data && Array.isArray(data.fieldErrors) ? data.fieldErrors : [];
        throw error;
      });
    }, function () {
      var error = new Error(MESSAGES[0]);
      error.status = 0;
      error.fieldErrors = [];
      throw error;
    });
  }

  function bind(root, data) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-bind]'), function (el) {
      var v = data ? data[el.getAttribute('data-bind')] : null;
      el.textContent = v === null || v === undefined || v === '' ? '–' : String(v);
    });
  }

  /** What a person reads next to a field the server refused: plain words, not the API's wording. */
  var PLAIN = {
    rights: 'Please tick at least one thing you want us to do.',
    name: 'Please enter your full name.',
    email: 'Please enter your email address, like name@example.com: the address you used with us.',
    phone: 'Please enter a phone number using digits, spaces and + ( ) - only.',
    jobNumber: 'Please enter the job number as it appears on your paperwork (letters, digits and dashes).',
    jobLocation: 'Please shorten the address of the installation.',
    details: 'Please shorten the details to at most 4000 characters.',
    jurisdiction: 'Please choose where you live.',
    agentName: 'Please enter the name of the person acting for you.',
    agentEmail: 'Please enter the email address of the person acting for you, like name@example.com.'
  };

  function formError(form, error) {
    var alert = form.querySelector('.form-alert');
    Array.prototype.forEach.call(form.querySelectorAll('.field-error'), function (e) { e.parentNode.removeChild(e); });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (c) { c.removeAttribute('aria-invalid'); });
    Array.prototype.forEach.call(form.querySelectorAll('.has-error'), function (w) { w.classList.remove('has-error'); });
    var fields = error.fieldErrors || [];
    var marked = 0;
    fields.forEach(function (f) {
      var wrapper = form.querySelector('[data-field="' + f.field + '"]');
      if (!wrapper || wrapper.querySelector('.field-error')) { return; }
      var p = document.createElement('p');
      p.className = 'field-error';
      p.id = (form.id || 'form') + '-' + f.field + '-error';
      p.textContent = PLAIN[f.field] || f.message;
      wrapper.appendChild(p);
      wrapper.classList.add('has-error');
      Array.prototype.forEach.call(wrapper.querySelectorAll('input, select, textarea'), function (control) {
        control.setAttribute('aria-invalid', 'true');
        var described = (control.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== p.id; });
        described.push(p.id);
        control.setAttribute('aria-describedby', described.join(' '));
      });
      marked++;
    });
    alert.textContent = marked > 0
      ? (marked === 1 ? 'Please correct the field marked below.' : 'Please correct the ' + marked + ' fields marked below.')
      : error.message;
    show(alert);
    alert.focus();
  }

  function busy(form, on) {
    var button = form.querySelector('button[type="submit"]');
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    if (button) { button.disabled = on; }
  }

  function onSubmit(form, send, done) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (form.getAttribute('aria-busy') === 'true') { return; }
      busy(form, true);
      var sent;
      try {
        sent = send();
      } catch (problem) {
        busy(form, false);
        formError(form, problem);
        return;
      }
      sent.then(function (result) {
        busy(form, false);
        done(result);
      }, function (error) {
        busy(form, false);
        formError(form, error);
      });
    });
  }

  function text(form, name) {
    var el = form.elements[name];
    var v = el && el.value ? el.value.trim() : '';
    return v === '' ? undefined : v;
  }

  function pathSegments() {
    return window.location.pathname.split('/').filter(Boolean);
  }

  function initRequest() {
    var form = byId('privacy-form');
    var success = byId('privacy-success');
    onSubmit(form, function () {
      var rights = Array.prototype.filter.call(form.querySelectorAll('input[name="rights"]'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      var body = {
        rights: rights, name: text(form, 'name') || '', email: text(form, 'email') || '', phone: text(form, 'phone'),
        jobNumber: text(form, 'jobNumber'), jobLocation: text(form, 'jobLocation'), jurisdiction: text(form, 'jurisdiction'),
        details: text(form, 'details'), specificPieces: byId('specificPieces').checked
      };
      if (text(form, 'agentName') || text(form, 'agentEmail')) {
        body.agent = { name: text(form, 'agentName') || '', email: text(form, 'agentEmail') || '' };
      }
      return api('POST', '/api/privacy-requests', body);
    }, function (result) {
      bind(success, result);
      hide(form);
      show(success);
      success.focus();
    });
  }

  function loadTokenPage(apiUrl, onLoaded) {
    var segments = pathSegments();
    var token = segments[segments.length - 1];
    var alert = byId('page-alert');
    function fail(error) {
      hide(byId('page-loading'));
      alert.textContent = error.message;
      show(alert);
    }
    if (!TOKEN_SHAPE.test(token || '')) {
      fail(new Error(MESSAGES[404]));
      return;
    }
    api('GET', apiUrl(token)).then(function (data) {
      hide(byId('page-loading'));
      bind(byId('page-content'), data);
      show(byId('page-content'));
      onLoaded(token, data);
    }, fail);
  }

  function finished() {
    hide(byId('page-content'));
    show(byId('page-done'));
    byId('page-done').focus();
  }

  function initEvidence() {
    var segments = pathSegments();
    var kind = segments[segments.length - 2];
    if (['declaration', 'agent-permission', 'confirmation', 'identity', 'email-change'].indexOf(kind) === -1) {
      kind = 'declaration';
    }
    var CONFIRMS = {
      confirmation: ['Confirm your authorized agent', 'Someone says they act for you in this privacy request. Confirm only if you asked them to.',
        'Yes, they act for me'],
      identity: ['Confirm your privacy request', 'Someone made this privacy request about the data we hold for your e-mail address. '
        + 'Confirm only if it was you. Nothing happens without your confirmation.', 'Yes, this request is mine'],
      'email-change': ['Confirm the change of your e-mail address', 'We were asked to change the e-mail address we hold for you. '
        + 'Confirm only if you asked for it.', 'Yes, change my address']
    };
    byId('evidence-title').textContent = kind === 'declaration' ? 'Sign the declaration of identity'
      : kind === 'agent-permission' ? 'Upload the signed permission for your agent role' : CONFIRMS[kind][0];
    document.title = byId('evidence-title').textContent + ' – Remote Services';
    loadTokenPage(function (token) { return '/api/privacy/' + kind + '/' + encodeURIComponent(token); }, function (token) {
      var base = '/api/privacy/' + kind + '/' + encodeURIComponent(token);
      if (CONFIRMS[kind]) {
        byId('confirm-text').textContent = CONFIRMS[kind][1];
        byId('confirm-button').textContent = CONFIRMS[kind][2];
        show(byId('confirm-section'));
        onSubmit(byId('confirm-form'), function () { return api('POST', base); }, finished);
        return;
      }
      show(byId('upload-section'));
      if (kind === 'declaration') {
        show(byId('declaration-section'));
        var signature = byId('signature-form');
        onSubmit(signature, function () {
          return api('POST', base + '/signature', { fullName: text(signature, 'fullName') || '', consent: byId('consent').checked });
        }, finished);
      } else {
        byId('upload-title').textContent = 'Upload the signed permission (PDF)';
      }
      var upload = byId('upload-form');
      onSubmit(upload, function () {
        var file = byId('file').files[0];
        if (!file) { throw Object.assign(new Error('Please choose the signed PDF.'), { fieldErrors: [] }); }
        if (file.size > MAX_UPLOAD_BYTES) { throw Object.assign(new Error(MESSAGES[413]), { fieldErrors: [] }); }
        var data = new FormData();
        data.append('file', file);
        return api('POST', base, data);
      }, finished);
    });
  }

  function initDownload() {
    loadTokenPage(function (token) { return '/api/privacy/downloads/' + encodeURIComponent(token); }, function (token, data) {
      var form = byId('download-form');
      onSubmit(form, function () {
        return fetch('/api/privacy/downloads/' + encodeURIComponent(token), {
          method: 'POST', credentials: 'same-origin', cache: 'no-store',
          headers: { 'Content-Type': 'application/json', Accept: 'application/octet-stream, application/json', 'X-Requested-With': 'XMLHttpRequest' },
          body: JSON.stringify({ code: text(form, 'code') || '' })
        }).then(function (response) {
          if (response.ok) {
            return response.blob().then(function (blob) {
              var link = byId('download-link');
              link.href = URL.createObjectURL(blob);
              link.download = data.kind === 'PORTABLE_EXPORT' ? 'personal-data-export.zip' : 'access-report.pdf';
              link.click();
              return {};
            });
          }
          return response.json().catch(function () { return null; }).then(function (problem) {
            var error = new Error(problem && problem.message ? String(problem.message) : (MESSAGES[response.status] || MESSAGES[500]));
            error.status = response.status;
            error.fieldErrors = response.status === 400 ? [{ field: 'code', message: error.message }] : [];
            throw error;
          });
        }, function () {
          throw Object.assign(new Error(MESSAGES[0]), { status: 0, fieldErrors: [] });
        });
      }, function () {
        hide(byId('page-content'));
        show(byId('page-done'));
        byId('page-done').focus();
      });
    });
  }

  function initUnsubscribe() {
    loadTokenPage(function (token) { return '/api/unsubscribe/' + encodeURIComponent(token); }, function (token, data) {
      if (data.status === 'UNSUBSCRIBED') {
        finished();
        return;
      }
      onSubmit(byId('unsubscribe-form'), function () { return api('POST', '/api/unsubscribe/' + encodeURIComponent(token)); }, finished);
    });
  }

  function initReceipt() {
    loadTokenPage(function (token) { return '/api/privacy/receipts/' + encodeURIComponent(token); }, function (token, data) {
      if (data.status === 'CONFIRMED') {
        finished();
        return;
      }
      onSubmit(byId('receipt-form'), function () { return api('POST', '/api/privacy/receipts/' + encodeURIComponent(token)); }, finished);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = document.body.getAttribute('data-page');
    if (page === 'privacy-request') {
      initRequest();
    } else if (page === 'privacy-evidence') {
      initEvidence();
    } else if (page === 'privacy-download') {
      initDownload();
    } else if (page === 'unsubscribe') {
      initUnsubscribe();
    } else if (page === 'privacy-receipt') {
      initReceipt();
    }
  });
}());
