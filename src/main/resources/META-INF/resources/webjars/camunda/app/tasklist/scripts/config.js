/*
 * Hồ sơ's Tasklist configuration: Camunda's default (webjar camunda-webapp-webjar, app/tasklist/scripts/config.js)
 * plus the "Giấy tờ" tab of every task (documents.js, module documents; docs/documents.md).
 */
export default {
  customScripts: ['scripts/documents'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
