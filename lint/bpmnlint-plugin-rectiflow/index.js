'use strict';

// Rectiflow's bpmnlint plugin, referenced by .bpmnlintrc as plugin:rectiflow/recommended.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'field-value': 'error',
        'field-pattern': 'error'
      }
    }
  }
};
