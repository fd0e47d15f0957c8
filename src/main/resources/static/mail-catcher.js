/*
 * Operators' mail catcher page (/mail-catcher): lists the mails GET /api/mail-catcher/messages returns.
 * The API asks for HTTP Basic credentials (401 + WWW-Authenticate), so the browser prompts for a staff
 * account and then sends it with every request, attachment downloads included.
 * Mail content is untrusted: it is only ever written with textContent, never as HTML.
 */
(function () {
  'use strict';

  var API = '/api/mail-catcher/messages';

  var list, filter, refreshButton, statusLine, alertBox;
  var mails = [];
  var openIds = {};
  var lastLoaded = null;
  var loading = false;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (text !== undefined && text !== null) {
      el.textContent = String(text);
    }
    return el;
  }

  function recipients(mail) {
    return Array.isArray(mail.to) ? mail.to.map(String) : (mail.to ? [String(mail.to)] : []);
  }

  function time(value) {
    var date = new Date(value);
    if (!value || isNaN(date.getTime())) {
      return value ? String(value) : 'unknown time';
    }
    try {
      return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
    } catch (e) {
      return date.toLocaleString();
    }
  }

  function size(bytes) {
    var n = Number(bytes);
    if (!isFinite(n) || n < 0) {
      return '';
    }
    if (n < 1024) {
      return n + ' B';
    }
    if (n < 1048576) {
      return (n / 1024).toFixed(1) + ' KB';
    }
    return (n / 1048576).toFixed(1) + ' MB';
  }

  function newestFirst(a, b) {
    var ta = Date.parse(a.receivedAt);
    var tb = Date.parse(b.receivedAt);
    if (!isNaN(ta) && !isNaN(tb) && ta !== tb) {
      return tb - ta;
    }
    var ia = Number(a.id);
    var ib = Number(b.id);
    if (!isNaN(ia) && !isNaN(ib)) {
      return ib - ia;
    }
    return String(b.id).localeCompare(String(a.id));
  }

  function matches(mail, query) {
    if (!query) {
      return true;
    }
    var haystack = (recipients(mail).join(' ') + ' ' + (mail.subject || '')).toLowerCase();
    return haystack.indexOf(query) !== -1;
  }

  function renderMail(mail) {
    var id = String(mail.id);
    var item = element('li');
    var details = element('details');
    details.open = !!openIds[id];
    details.addEventListener('toggle', function () {
      if (details.open) {
        openIds[id] = true;
      } else {
        delete openIds[id];
      }
    });

    var summary = element('summary');
    summary.appendChild(element('span', 'mail-subject', mail.subject || '(no subject)'));
    var attachments = Array.isArray(mail.attachments) ? mail.attachments : [];
    var meta = 'To ' + (recipients(mail).join(', ') || '–') + ' · ' + time(mail.receivedAt) +
      (attachments.length ? ' · ' + attachments.length + (attachments.length === 1 ? ' attachment' : ' attachments') : '');
    summary.appendChild(element('span', 'mail-meta', meta));
    details.appendChild(summary);

    var detail = element('div', 'mail-detail');
    var facts = element('dl', 'facts');
    [['From', mail.from || '–'], ['To', recipients(mail).join(', ') || '–'], ['Received', time(mail.receivedAt)], ['Id', id]]
      .forEach(function (pair) {
        facts.appendChild(element('dt', null, pair[0]));
        facts.appendChild(element('dd', null, pair[1]));
      });
    detail.appendChild(facts);
    detail.appendChild(element('pre', 'mail-body', mail.body || '(empty body)'));

    if (attachments.length) {
      detail.appendChild(element('h3', null, 'Attachments'));
      var ul = element('ul', 'attachments');
      attachments.forEach(function (attachment, position) {
        var index = attachment.index !== undefined && attachment.index !== null ? attachment.index : position;
        var li = element('li');
        var link = element('a', null, attachment.fileName || 'attachment-' + index);
        link.href = API + '/' + encodeURIComponent(id) + '/attachments/' + encodeURIComponent(String(index));
        if (attachment.fileName) {
          link.setAttribute('download', String(attachment.fileName));
        }
        li.appendChild(link);
        var info = [attachment.contentType, size(attachment.size)].filter(Boolean).join(', ');
        if (info) {
          li.appendChild(document.createTextNode(' (' + info + ')'));
        }
        ul.appendChild(li);
      });
      detail.appendChild(ul);
    }

    details.appendChild(detail);
    item.appendChild(details);
    return item;
  }

  function render() {
    var query = filter.value.trim().toLowerCase();
    var shown = mails.filter(function (mail) {
      return matches(mail, query);
    });
    list.textContent = '';
    shown.forEach(function (mail) {
      list.appendChild(renderMail(mail));
    });
    var text;
    if (!mails.length) {
      text = 'No mails caught yet.';
    } else if (query) {
      text = 'Showing ' + shown.length + ' of ' + mails.length + (mails.length === 1 ? ' mail' : ' mails') + '.';
    } else {
      text = mails.length + (mails.length === 1 ? ' mail.' : ' mails.');
    }
    if (lastLoaded) {
      text += ' Last refreshed ' + lastLoaded.toLocaleTimeString() + '.';
    }
    statusLine.textContent = text;
  }

  function showError(message) {
    alertBox.textContent = '';
    alertBox.appendChild(element('p', 'alert-title', message));
    alertBox.hidden = false;
  }

  function errorMessage(status, data) {
    var message = data && typeof data.message === 'string' ? data.message : '';
    if (status === 401) {
      return 'You are not signed in' + (message ? ' (' + message + ')' : '') +
        '. Reload the page and enter your staff user name and password when the browser asks.';
    }
    if (status === 403) {
      return 'Your account may not read the mail catcher' + (message ? ' (' + message + ')' : '') + '.';
    }
    if (status === 404) {
      return 'The mail catcher is not available; it runs only while no real mail server is configured' + (message ? ' (' + message + ')' : '') + '.';
    }
    return message || 'Loading the mails failed (error ' + status + ').';
  }

  function load() {
    if (loading) {
      return;
    }
    loading = true;
    refreshButton.disabled = true;
    statusLine.textContent = 'Loading…';
    fetch(API, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        return response.json().catch(function () {
          return null;
        }).then(function (data) {
          if (!response.ok) {
            throw new Error(errorMessage(response.status, data));
          }
          if (!Array.isArray(data)) {
            throw new Error('The server sent an unexpected answer.');
          }
          return data;
        });
      }, function () {
        throw new Error('Could not reach the server.');
      })
      .then(function (data) {
        mails = data.filter(function (mail) {
          return mail && mail.id !== undefined && mail.id !== null;
        }).sort(newestFirst);
        lastLoaded = new Date();
        alertBox.hidden = true;
        render();
      }, function (error) {
        showError(error.message);
        statusLine.textContent = '';
      })
      .then(function () {
        loading = false;
        refreshButton.disabled = false;
      });
  }

  function start() {
    list = document.getElementById('mail-list');
    filter = document.getElementById('mail-filter');
    refreshButton = document.getElementById('mail-refresh');
    statusLine = document.getElementById('mail-status');
    alertBox = document.getElementById('mail-alert');
    if (!list || !filter || !refreshButton || !statusLine || !alertBox) {
      return;
    }
    filter.addEventListener('input', render);
    refreshButton.addEventListener('click', load);
    load();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
