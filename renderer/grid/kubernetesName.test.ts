import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubernetesNameParts } from './kubernetesName';

test('a kubelet container name splits into its prefix, the container and pod a user reads, namespace and uid, and attempt', () => {
  const name = 'k8s_nginx_web-7d9c8b6f5-x2k4q_default_8c84ce70-0149-4025-a9b7-4ec524300f2e_3';
  const parts = kubernetesNameParts(name);
  assert.deepEqual(parts, { prefix: 'k8s_', read: 'nginx_web-7d9c8b6f5-x2k4q', rest: '_default_8c84ce70-0149-4025-a9b7-4ec524300f2e', attempt: '_3' });
  assert.equal(Object.values(parts!).join(''), name);
});

test('other names are not split', () => {
  for (const name of ['host', 'nginx', 'k8s_nginx_web', 'k8s_nginx_web_default_uid_x', 'my_k8s_nginx_web_default_uid_0', 'k8s_a_b_c_d_e_0']) {
    assert.equal(kubernetesNameParts(name), undefined, name);
  }
});
