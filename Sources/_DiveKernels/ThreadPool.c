// Dive's fork-join thread pool: see `dive_parallel_for` in DiveKernels.h.
//
// A training step hands the pool a dozen short jobs (a block of a matrix product each, tens to
// hundreds of microseconds), one after another with a little serial work in between. Waking a
// sleeping thread costs about as much as such a job on a virtual machine, so a worker spins for a
// short while after a job before it sleeps, and the caller spins while it waits for the last
// task. Both spins are bounded in time and yield the processor now and then, so an idle pool and a
// busy machine lose no more than that.
#include "include/DiveKernels.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define DIVE_CPU_RELAX() _mm_pause()
#elif defined(__aarch64__)
#define DIVE_CPU_RELAX() __asm__ __volatile__("yield")
#else
#define DIVE_CPU_RELAX() ((void)0)
#endif

enum {
    DIVE_POOL_MAX_WORKERS = 255,
    DIVE_WORKER_SPIN_NS = 200000,   // how long an idle worker waits for the next job before sleeping
    DIVE_SPINS_PER_CLOCK_READ = 64,
    DIVE_SPINS_PER_YIELD = 4096,
};

// One job at a time; `lock` guards its fields and the claiming of its tasks.
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t callers = PTHREAD_MUTEX_INITIALIZER;   // held by the thread whose job runs
static _Atomic unsigned long generation;                       // counts jobs; a worker waits for a change
static int sleepers;                                           // workers waiting on `wake`
static int workerCount;                                        // threads started so far
static dive_task_function jobFunction;
static void *jobContext;
static long jobTasks, jobNextTask;
static _Atomic long jobTasksDone;

// Whether this thread is running a task, so that a nested call runs inline.
static _Thread_local int insideTask;

static long nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)now.tv_sec * 1000000000L + now.tv_nsec;
}

// Runs tasks of the current job until none is left to claim.
static void runTasks(void) {
    for (;;) {
        pthread_mutex_lock(&lock);
        if (jobNextTask >= jobTasks) {
            pthread_mutex_unlock(&lock);
            return;
        }
        long task = jobNextTask++;
        dive_task_function function = jobFunction;
        void *context = jobContext;
        pthread_mutex_unlock(&lock);
        insideTask = 1;
        function(context, task);
        insideTask = 0;
        atomic_fetch_add_explicit(&jobTasksDone, 1, memory_order_release);
    }
}

// Waits until `generation` differs from `seen`: spinning for a while, then asleep.
static unsigned long awaitJob(unsigned long seen) {
    long deadline = nanoseconds() + DIVE_WORKER_SPIN_NS;
    for (long spins = 1;; spins++) {
        unsigned long current = atomic_load_explicit(&generation, memory_order_acquire);
        if (current != seen) return current;
        DIVE_CPU_RELAX();
        if (spins % DIVE_SPINS_PER_YIELD == 0) sched_yield();
        if (spins % DIVE_SPINS_PER_CLOCK_READ == 0 && nanoseconds() > deadline) break;
    }
    pthread_mutex_lock(&lock);
    sleepers++;
    while (atomic_load_explicit(&generation, memory_order_acquire) == seen) pthread_cond_wait(&wake, &lock);
    sleepers--;
    unsigned long current = atomic_load_explicit(&generation, memory_order_acquire);
    pthread_mutex_unlock(&lock);
    return current;
}

static void *workerMain(void *unused) {
    (void)unused;
    unsigned long seen = atomic_load_explicit(&generation, memory_order_acquire);
    for (;;) {
        seen = awaitJob(seen);
        runTasks();
    }
    return NULL;
}

// Starts workers until there are `count` (under `lock`); returns how many there are.
static int startWorkers(int count) {
    if (count > DIVE_POOL_MAX_WORKERS) count = DIVE_POOL_MAX_WORKERS;
    while (workerCount < count) {
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        int failed = pthread_create(&thread, &attributes, workerMain, NULL);
        pthread_attr_destroy(&attributes);
        if (failed) break;
        workerCount++;
    }
    return workerCount;
}

static void runInline(long tasks, dive_task_function function, void *context) {
    for (long task = 0; task < tasks; task++) function(context, task);
}

void dive_parallel_for(long tasks, int threads, dive_task_function function, void *context) {
    if (tasks <= 1 || threads <= 1 || insideTask || pthread_mutex_trylock(&callers) != 0) {
        runInline(tasks, function, context);
        return;
    }
    pthread_mutex_lock(&lock);
    if (startWorkers(threads - 1) == 0) {
        pthread_mutex_unlock(&lock);
        pthread_mutex_unlock(&callers);
        runInline(tasks, function, context);
        return;
    }
    jobFunction = function;
    jobContext = context;
    jobTasks = tasks;
    jobNextTask = 0;
    atomic_store_explicit(&jobTasksDone, 0, memory_order_relaxed);
    atomic_fetch_add_explicit(&generation, 1, memory_order_release);
    if (sleepers > 0) pthread_cond_broadcast(&wake);
    pthread_mutex_unlock(&lock);

    runTasks();
    for (long spins = 1; atomic_load_explicit(&jobTasksDone, memory_order_acquire) < tasks; spins++) {
        DIVE_CPU_RELAX();
        if (spins % DIVE_SPINS_PER_YIELD == 0) sched_yield();
    }
    pthread_mutex_unlock(&callers);
}
