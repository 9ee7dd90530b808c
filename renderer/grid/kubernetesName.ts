/**
 * A Kubernetes container's name, as the kubelet gives it to docker:
 * `k8s_<container>_<pod>_<namespace>_<uid>_<attempt>`. Cut to a few characters, its start
 * ('k8s_') and end (the pod's uid) say nothing a user reads; the container and pod names in the
 * middle, and the attempt (a crash loop's restart count) at the very end, do (QA H79: at 1000 px
 * beside the Findings drawer the pinned NAME read 'k8…0f2e_0').
 */

/** The parts of a Kubernetes container name, in order; joined they give the name back. */
export interface KubernetesNameParts {
  /** 'k8s_' */
  prefix: string;
  /** '<container>_<pod>': what a user reads. */
  read: string;
  /** '_<namespace>_<uid>' */
  rest: string;
  /** '_<attempt>' */
  attempt: string;
}

/** Its parts, or undefined for a name that is not a kubelet's (none of the parts may hold '_'). */
export function kubernetesNameParts(name: string): KubernetesNameParts | undefined {
  const m = /^(k8s_)([^_]+_[^_]+)(_[^_]+_[^_]+)(_\d+)$/.exec(name);
  return m ? { prefix: m[1], read: m[2], rest: m[3], attempt: m[4] } : undefined;
}
