// GraphiQL for the ledger. The page's URL may carry ?headers={"Authorization":"Bearer ..."} (./run.sh
// prints such a URL), &query=..., &variables=...; the header editor starts with those headers.
//
// Requests: GraphiQL's fetcher sets the JSON content type itself, so no Content-Type header is
// added here (a second one would reach the server as "application/json, application/json").
// Subscriptions: a browser cannot set headers on a WebSocket; GraphiQL sends the header editor's
// headers as connection_init's payload instead, which is where the server takes the bearer token
// from when the upgrade carried none.
(function () {
  'use strict';

  var parameters = {};
  new URLSearchParams(window.location.search).forEach(function (value, key) {
    parameters[key] = value;
  });

  function pretty(json) {
    if (!json) {
      return json;
    }
    try {
      return JSON.stringify(JSON.parse(json), null, 2);
    } catch (e) {
      return json; // shown as typed: the editor marks what is wrong
    }
  }

  function remember(key) {
    return function (value) {
      if (value) {
        parameters[key] = value;
      } else {
        delete parameters[key];
      }
      window.history.replaceState(null, '', '?' + new URLSearchParams(parameters).toString());
    };
  }

  var base = window.location.host + window.location.pathname.replace(/\/graphql-ui\/.*$/, '') + '/graphql';
  var fetcher = GraphiQL.createFetcher({
    url: window.location.protocol + '//' + base,
    subscriptionUrl: (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + base
  });

  var defaultQuery = [
    '# The ledger\'s GraphQL API. Press the run button (or Ctrl-Enter) to send the operation',
    '# under the cursor; the Docs button lists every query, mutation and subscription.',
    '',
    'query RecentPayments {',
    '  payments(page: { size: 10 }) {',
    '    total',
    '    items { paymentId status amount currency updatedAt }',
    '  }',
    '}',
    ''
  ].join('\n');

  ReactDOM.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      query: parameters.query,
      variables: pretty(parameters.variables),
      headers: pretty(parameters.headers),
      operationName: parameters.operationName,
      defaultQuery: defaultQuery,
      onEditQuery: remember('query'),
      onEditVariables: remember('variables'),
      onEditHeaders: remember('headers'),
      onEditOperationName: remember('operationName'),
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: true
    }),
    document.getElementById('graphiql')
  );
})();
