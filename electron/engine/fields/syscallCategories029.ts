/**
 * The category sysdig 0.29.3 gives a generic `syscall` event: it reads it from libscap's
 * syscall info table for the event's ppm_sc code (PT_SYSCALLID), not from the event table.
 * Facts from that era's userspace/libscap/syscall_info_table.c, grouped by category; names are
 * as in shared/scap/syscalls.ts. The table's own oddities are kept (getdents64 is IPC,
 * exit_group and the 32-bit uid calls are I/O), because sysdig prints them.
 */
import { EventCategory } from '../../../shared/scap/eventTable';
import { syscallName } from '../../../shared/scap/syscalls';

const GROUPS: ReadonlyArray<readonly [number, string]> = [
  [EventCategory.OTHER, 'unknown ptrace vhangup rt_tgsigqueueinfo perf_event_open clock_adjtime bdflush bpf seccomp'],
  [EventCategory.SYSTEM, 'restart_syscall sethostname reboot syslog uname swapoff sysinfo setdomainname adjtimex '
    + 'init_module delete_module quotactl sysfs kexec_load add_key request_key keyctl olduname finit_module execve execveat'],
  [EventCategory.PROCESS, 'exit getpid acct setpgid umask getppid getpgrp setsid setrlimit getrusage uselib swapon '
    + 'getpriority setpriority getpgid personality getsid sched_setparam sched_getparam sched_setscheduler '
    + 'sched_getscheduler sched_get_priority_max sched_get_priority_min sched_rr_get_interval prctl capget capset '
    + 'getrlimit pivot_root gettid sched_setaffinity sched_getaffinity set_thread_area get_thread_area set_tid_address '
    + 'ioprio_set ioprio_get unshare set_robust_list get_robust_list getcpu prlimit64 setns ugetrlimit nice arch_prctl'],
  [EventCategory.IO_READ, 'read readv preadv'],
  [EventCategory.IO_WRITE, 'write writev pwritev'],
  [EventCategory.IO_OTHER, 'sync dup ioctl dup2 fsync msync fdatasync io_setup io_destroy io_getevents io_submit '
    + 'io_cancel exit_group dup3 fallocate newfstatat process_vm_readv process_vm_writev fork vfork setuid32 getuid32 '
    + 'setgid32 geteuid32 getgid32 setresuid32 setresgid32 getresuid32 getresgid32 sigaltstack getrandom fadvise64'],
  [EventCategory.FILE, 'open close creat link unlink chdir mknod chmod stat lseek mount fstat access rename mkdir '
    + 'rmdir ustat symlink lstat readlink mmap munmap truncate ftruncate fchmod statfs fstatfs fchdir getdents flock '
    + 'mremap getcwd sendfile lchown fchown chown setxattr lsetxattr fsetxattr getxattr lgetxattr fgetxattr listxattr '
    + 'llistxattr flistxattr removexattr lremovexattr fremovexattr remap_file_pages utimes openat mkdirat mknodat '
    + 'fchownat futimesat unlinkat renameat linkat symlinkat readlinkat fchmodat faccessat utimensat syncfs statfs64 '
    + 'fstatfs64 fstatat64 sendfile64 stat64 lstat64 fstat64 fcntl64 mmap2 umount _llseek pread64 pwrite64 renameat2 '
    + 'userfaultfd openat2 umount2'],
  [EventCategory.TIME, 'time alarm utime times gettimeofday settimeofday setitimer getitimer timer_create '
    + 'timer_settime timer_gettime timer_getoverrun timer_delete clock_settime clock_gettime clock_getres '
    + 'timerfd_create timerfd_settime timerfd_gettime stime'],
  [EventCategory.WAIT, 'pause fcntl wait4 select poll epoll_create epoll_ctl epoll_wait waitid pselect6 ppoll '
    + 'epoll_pwait epoll_create1 _newselect waitpid'],
  [EventCategory.IPC, 'kill pipe chroot futex mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr '
    + 'inotify_init inotify_add_watch inotify_rm_watch splice tee vmsplice eventfd eventfd2 pipe2 inotify_init1 '
    + 'fanotify_init getdents64 semop semget semctl msgsnd msgrcv msgget msgctl shmdt shmget shmctl ipc shmat'],
  [EventCategory.MEMORY, 'brk mprotect mlock munlock mlockall munlockall mincore madvise'],
  [EventCategory.SLEEP, 'sched_yield nanosleep clock_nanosleep'],
  [EventCategory.SIGNAL, 'rt_sigaction rt_sigprocmask rt_sigpending rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend '
    + 'tkill tgkill signalfd signalfd4 sigprocmask sgetmask ssetmask sigpending signal rt_sigreturn'],
  [EventCategory.USER, 'getuid getgid geteuid getegid setreuid setregid getgroups setgroups setresuid getresuid '
    + 'setresgid getresgid setuid setgid setfsuid setfsgid'],
  [EventCategory.NET, 'socket bind connect listen accept getsockname getpeername socketpair sendto recvfrom shutdown '
    + 'setsockopt getsockopt sendmsg sendmmsg recvmsg recvmmsg accept4 socketcall'],
];

/** Category by ppm_sc code; codes the 0.29 table does not list are 'other' (its dummy row). */
const BY_CODE: Uint16Array = (() => {
  const codes = new Map<string, number>();
  for (let code = 0; ; code++) {
    const name = syscallName(code);
    if (name === undefined) break;
    codes.set(name, code);
  }
  const table = new Uint16Array(codes.size).fill(EventCategory.OTHER);
  for (const [category, names] of GROUPS) {
    for (const name of names.split(' ')) {
      const code = codes.get(name);
      if (code === undefined) throw new Error(`syscall category table names an unknown syscall: ${name}`);
      table[code] = category;
    }
  }
  return table;
})();

export function syscallCategory029(code: number): number {
  return code < BY_CODE.length ? BY_CODE[code] : EventCategory.OTHER;
}
