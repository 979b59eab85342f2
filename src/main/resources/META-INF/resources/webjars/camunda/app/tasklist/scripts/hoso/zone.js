/*
 * Hồ sơ: Tasklist shows every date and time in the business time zone, Asia/Ho_Chi_Minh (UTC+7, no daylight
 * saving), whatever the zone of the officer's computer. Moment.js (which Tasklist formats with) asks
 * moment.updateOffset for the offset of each new moment, the hook moment-timezone uses; ours gives +07:00.
 */
define(['angular'], function (angular) {
  'use strict';
  var OFFSET_MINUTES = 7 * 60;

  return angular.module('hoso.workspace', []).run(['$injector', function ($injector) {
    if (!$injector.has('moment')) {
      return;
    }
    var moment = $injector.get('moment');
    moment.updateOffset = function (m, keepTime) {
      if (m._isUTC && m._offset === OFFSET_MINUTES) {
        return;
      }
      m.utcOffset(OFFSET_MINUTES, keepTime);
    };
  }]);
});
