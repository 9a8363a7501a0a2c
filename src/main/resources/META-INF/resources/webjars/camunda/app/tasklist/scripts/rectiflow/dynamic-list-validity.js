// Rectiflow: keeps the Tasklist's 完成 button usable on a Camunda Form with a dynamic list (the unit's report lists
// its mechanisms, 制度机制, in one).
//
// Why: the Tasklist 7.24 takes a Camunda Form as invalid whenever form-js's error map has a key. form-js 1.8 keys a
// field inside a dynamic list by its id and row index, and once that field is edited without error it leaves an
// empty entry for the id behind: the map has a key, the Tasklist disables 完成 for good although no field shows an
// error. This script, loaded through the Tasklist's own customScripts (scripts/config.js), wraps the form's
// "validated" notice: when the Tasklist is told the form is invalid, it looks again once form-js has drawn the form,
// and when no field of the form shows an error it tells the Tasklist the form is valid. A field with a real error
// still shows it and keeps 完成 disabled, and the server checks every value anyway (guard/TaskForms, the
// delegates). Loaded as a module before the Tasklist starts; it registers no plugin.
const angular = window.angular;

/** A field form-js shows with an error: its wrapper carries fjs-has-errors, its message fjs-form-field-error. */
function showsAnError(container) {
  return container.querySelector('.fjs-has-errors, .fjs-form-field-error') !== null;
}

angular.module('cam.tasklist.form').config(['$provide', function ($provide) {
  $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', '$timeout', function ($delegate, $timeout) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.compile = function () {
      return function (scope, element, attrs, form) {
        const notifyFormValidated = form.notifyFormValidated;
        form.notifyFormValidated = function (invalid) {
          notifyFormValidated.call(form, invalid);
          if (invalid) {
            // after form-js has drawn the change (it notifies before it draws)
            $timeout(function () {
              if (!showsAnError(element[0])) {
                notifyFormValidated.call(form, false);
              }
            }, 0);
          }
        };
        return link.apply(this, arguments);
      };
    };
    return $delegate;
  }]);
}]);

export default [];
