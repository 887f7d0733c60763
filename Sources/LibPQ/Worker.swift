import Foundation

/// One dedicated thread that runs blocking libpq calls, so that they never stall the
/// cooperative thread pool or the SwiftNIO event loops. Each connection owns one.
///
/// It is also a task executor: a session runs its caller's code on this thread, so that a
/// transaction's statements run inline instead of hopping threads for each one.
final class Worker: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopping = false
    private var threadID: pthread_t?

    init(name: String) {
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            threadID = pthread_self()
            ready.signal()
            loop()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
        ready.wait()
    }

    /// Whether the caller already runs on this worker's thread.
    var isCurrent: Bool {
        guard let threadID else { return false }
        return pthread_equal(pthread_self(), threadID) != 0
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        submit { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }

    /// Runs `body` on the worker thread and resumes the caller with its outcome.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Lets the thread finish the jobs already queued, then end.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count && !stopping {
                condition.wait()
            }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
