// Jest loads global set-up files outside the per-project transform.
require('../../../tools/register-ts.js');
module.exports = require('./global-teardown.ts').default;
