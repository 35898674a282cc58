// Safety switches: every change is confirmed first, then sent; the panel re-renders from the server's answer.
(function () {
  var WARNINGS = {
    'dryRunMode:false': 'Messages on enabled channels will really be sent to real people.',
    'dryRunMode:true': 'Messages will be recorded instead of sent.',
    'globalPause:true': 'Every outbound message on every channel stops at once.',
    'globalPause:false': 'Outbound messages will flow again, subject to dry run and the channel switches.'
  };
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.classList || !input.classList.contains('mc-switch')) { return; }
    var enabled = input.checked;
    input.checked = !enabled; // nothing changes until confirmed
    var setting = input.dataset.setting;
    var label = input.dataset.label;
    var body = WARNINGS[setting + ':' + enabled] ||
      (enabled ? 'Messages on this channel will be allowed.' : 'Messages on this channel will be blocked.');
    window.mcConfirm({
      title: 'Turn ' + label + (enabled ? ' on' : ' off') + '?',
      body: body,
      confirmLabel: 'Turn ' + (enabled ? 'on' : 'off'),
      danger: (setting === 'dryRunMode' && !enabled) || (setting !== 'dryRunMode' && setting !== 'globalPause' && enabled)
    }).then(function (ok) {
      if (!ok) { return; }
      htmx.ajax('POST', '/safety/toggle', {
        target: '#safety-switches', swap: 'outerHTML',
        values: { setting: setting, enabled: enabled }
      });
    });
  });
})();
