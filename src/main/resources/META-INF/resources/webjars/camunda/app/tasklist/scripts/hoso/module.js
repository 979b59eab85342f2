/*
 * Hồ sơ's AngularJS module in Tasklist (loaded through requireJsConfig in scripts/config.js; docs/workspace.md):
 *  - every date and time in the business time zone, Asia/Ho_Chi_Minh (UTC+7, no daylight saving), whatever the zone
 *    of the officer's computer: Moment.js (which Tasklist formats with) asks moment.updateOffset for the offset of
 *    each new moment, the hook moment-timezone uses; ours gives +07:00;
 *  - the due date of each task card says, in colour and in words, when the task is overdue or due today or
 *    tomorrow (business days of that zone);
 *  - every shared filter shows how many tasks it holds, not only the one open.
 */
define(['angular'], function (angular) {
  'use strict';
  var OFFSET_MINUTES = 7 * 60;
  var DAY_MS = 24 * 60 * 60 * 1000;
  var REFRESH_MS = 60 * 1000;

  /** The business day (yyyy-mm-dd at UTC+7) of an instant. */
  function businessDay(instant) {
    return new Date(instant.getTime() + OFFSET_MINUTES * 60 * 1000).toISOString().substring(0, 10);
  }

  /** 'overdue', 'today', 'tomorrow' or null for a due date, as of now. */
  function dueState(due, now) {
    if (!due) {
      return null;
    }
    var dueDay = businessDay(new Date(due));
    var today = businessDay(now);
    if (new Date(due).getTime() < now.getTime() || dueDay < today) {
      return 'overdue';
    }
    if (dueDay === today) {
      return 'today';
    }
    if (dueDay === businessDay(new Date(now.getTime() + DAY_MS))) {
      return 'tomorrow';
    }
    return null;
  }

  var WORDS = {
    vi: {overdue: 'Quá hạn', today: 'Đến hạn hôm nay', tomorrow: 'Đến hạn ngày mai'},
    en: {overdue: 'Overdue', today: 'Due today', tomorrow: 'Due tomorrow'}
  };

  var module = angular.module('hoso.workspace', []);

  module.run(['$injector', function ($injector) {
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

  // <span class="due-date"> of each task card
  module.directive('dueDate', ['$interval', '$translate', function ($interval, $translate) {
    return {
      restrict: 'C',
      link: function (scope, element) {
        var badge = angular.element('<span class="hoso-due-badge"></span>');
        element.prepend(badge);
        function update() {
          var task = scope.task;
          var state = dueState(task && task.due, new Date());
          element.removeClass('hoso-due-overdue hoso-due-today hoso-due-tomorrow');
          var card = element.closest ? element.closest('li.task') : null;
          if (card) {
            card.removeClass('hoso-due-overdue hoso-due-today hoso-due-tomorrow');
          }
          var words = WORDS[($translate.use && $translate.use()) === 'en' ? 'en' : 'vi'];
          badge.text(state ? words[state] : '');
          if (state) {
            element.addClass('hoso-due-' + state);
            if (card) {
              card.addClass('hoso-due-' + state);
            }
          }
        }
        scope.$watch('task.due', update);
        var timer = $interval(update, REFRESH_MS);
        scope.$on('$destroy', function () {
          $interval.cancel(timer);
        });
      }
    };
  }]);

  // each <div class="task-filter"> of the filter list
  module.directive('taskFilter', ['$http', '$interval', function ($http, $interval) {
    var engineApi = (document.querySelector('base').getAttribute('engine-api') || '/camunda/api/engine/')
        + 'engine/default/';
    return {
      restrict: 'C',
      link: function (scope, element) {
        var count = angular.element('<span class="hoso-filter-count"></span>');
        function place() {
          var name = element.find('a');
          if (name.length && !count.parent().length) {
            angular.element(name[0]).append(count);
          }
        }
        function update() {
          var filter = scope.filter;
          if (!filter || !filter.id) {
            return;
          }
          $http.get(engineApi + 'filter/' + encodeURIComponent(filter.id) + '/count').then(function (response) {
            place();
            count.text(response.data && typeof response.data.count === 'number' ? response.data.count : '');
          }, function () {
            count.text('');
          });
        }
        scope.$watch('filter.id', update);
        scope.$on('refresh', update);
        var timer = $interval(update, REFRESH_MS);
        scope.$on('$destroy', function () {
          $interval.cancel(timer);
        });
      }
    };
  }]);

  return module;
});
