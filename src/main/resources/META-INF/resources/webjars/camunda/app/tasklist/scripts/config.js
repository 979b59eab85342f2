/*
 * Hồ sơ's configuration of Camunda Tasklist (served instead of the web jar's own scripts/config.js; see
 * docs/workspace.md). Vietnamese by default, English selectable; dates as dd/MM/yyyy HH:mm in the business time
 * zone; our name in the header; no "Start process" (cases are received at the counter, /tiep-nhan/); the "Giấy tờ"
 * tab of every task (scripts/documents.js, module documents; docs/documents.md).
 */
import './language.js';

export default {
  app: {
    name: 'Công việc',
    vendor: 'Hồ sơ'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  // our additions: the business time zone, the language switch, the counter's link, the due-date badges
  customScripts: ['scripts/hoso/workspace.js', 'scripts/documents'],
  requireJsConfig: {
    ngDeps: ['hoso.workspace'],
    deps: ['hoso-module'],
    paths: {
      'hoso-module': 'scripts/hoso/module'
    }
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển tới bộ lọc đầu tiên'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển tới việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển tới ô nhập đầu tiên của biểu mẫu'
    }
  }
};
