import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Clientset } from './clientset.ts';
import { ApiStatusError } from './errors.ts';
import { RestClient, withQuery } from './rest-client.ts';
import type { ResponseListener, TransportRequest } from './transport.ts';

/** A client whose transport answers every request with `status` and the body in `chunks`. */
function client(status: number, chunks: Array<string | Buffer>) {
  const requests: TransportRequest[] = [];
  const rest = new RestClient({
    server: 'https://test',
    transport: (request: TransportRequest, listener: ResponseListener) => {
      requests.push(request);
      queueMicrotask(() => {
        listener.response(status, {});
        for (const chunk of chunks) listener.data(Buffer.from(chunk));
        listener.close();
      });
      return { cancel: () => {} };
    },
  });
  return { rest, requests };
}

test('a discarded result resolves to undefined; without discardResult the body is parsed', async () => {
  const { rest, requests } = client(200, ['{"kind":', '"Pod"}']);
  assert.equal(await rest.request('PATCH', '/api/v1/pods/p', { body: {}, query: {}, discardResult: true }), undefined);
  assert.deepEqual(await rest.request('PATCH', '/api/v1/pods/p', { body: {} }), { kind: 'Pod' });
  assert.deepEqual(
    requests.map((r) => r.path),
    ['/api/v1/pods/p', '/api/v1/pods/p'],
  );
});

test('a failure still carries the Status when the result is discarded', async () => {
  const { rest } = client(404, [JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404, reason: 'NotFound', message: 'pods "p" not found' })]);
  const error = await rest.request('GET', '/api/v1/pods/p', { discardResult: true }).catch((e: unknown) => e);
  assert.ok(error instanceof ApiStatusError);
  assert.equal(error.status.message, 'pods "p" not found');
});

test('resource clients leave discardResult out of the query', async () => {
  const { rest, requests } = client(200, ['{}']);
  const clientset = new Clientset(rest);
  await clientset.pods.patch('default', 'p', 'merge', { status: {} }, { subresource: 'status', discardResult: true });
  await clientset.pods.create({ metadata: { name: 'p', namespace: 'default' } }, { fieldManager: 'm', discardResult: true });
  assert.deepEqual(
    requests.map((r) => `${r.method} ${r.path} ${r.headers['content-type']}`),
    ['PATCH /api/v1/namespaces/default/pods/p/status application/merge-patch+json', 'POST /api/v1/namespaces/default/pods?fieldManager=m application/json'],
  );
});

test('withQuery leaves undefined values out', () => {
  assert.equal(withQuery('/api/v1/pods', {}), '/api/v1/pods');
  assert.equal(withQuery('/api/v1/pods', { limit: undefined }), '/api/v1/pods');
  assert.equal(withQuery('/api/v1/pods', { labelSelector: 'app=a b', limit: 5 }), '/api/v1/pods?labelSelector=app%3Da+b&limit=5');
  assert.equal(withQuery('/api/v1/pods?watch=1', { limit: 5 }), '/api/v1/pods?watch=1&limit=5');
});

test('watch events arrive whole, however the stream is cut', async () => {
  const lines = ['{"type":"ADDED","object":{"metadata":{"name":"ä"}}}\n', '{"type":"MODIFIED","object":{"metadata":{"name":"日本"}}}\n'];
  const text = Buffer.from(lines.join(''));
  const cut = text.indexOf('本') + 1; // inside a three-byte character
  const { rest } = client(200, [text.subarray(0, cut), text.subarray(cut)]);
  const names: string[] = [];
  for await (const event of rest.watch<{ metadata: { name: string } }>('/api/v1/pods?watch=1')) names.push(`${event.type} ${event.object.metadata.name}`);
  assert.deepEqual(names, ['ADDED ä', 'MODIFIED 日本']);
});
