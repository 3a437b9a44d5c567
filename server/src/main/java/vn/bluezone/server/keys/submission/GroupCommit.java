package vn.bluezone.server.keys.submission;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.checkins.CheckinReportRow;
import vn.bluezone.server.checkins.CheckinSubmission;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.distribution.DiagnosisKeyStore;
import vn.bluezone.server.keys.verification.CertificateStore;
import vn.bluezone.server.problem.DomainException;

/**
 * Commits many concurrent uploads in one database transaction: the batching detail of
 * {@link CertificateStore#redeemMany} with {@link DiagnosisKeyStore#insertAll}. Each upload is "redeem this certificate record
 * (unused, unexpired, same token hash) and, if that worked, store these keys"; one writer thread takes every
 * upload waiting at that moment (up to {@code commitBatch}), redeems them with one batched UPDATE, inserts the keys
 * of those redeemed with one batched INSERT and commits. Why: at hundreds of uploads per second the fixed cost of
 * a transaction (round trips, a WAL flush per commit) dominated PostgreSQL's share of an upload; grouping costs a
 * request nothing when it is alone (the writer is idle and takes it at once).
 *
 * <p>Durability is unchanged: a request is answered only after the commit that holds its keys. If the group's
 * transaction fails, each upload of the group is retried alone, so one bad upload cannot fail the others.
 */
@Component
class GroupCommit {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /**
     * One upload: the certificate record to redeem, the answer to keep with it (for a retry, see
     * {@link UploadResult}), and the key rows and check-in rows to insert, in the same transaction, if it is redeemed.
     */
    record Upload(CertificateStore.Redemption redemption, List<DiagnosisKeyStore.NewKey> keys,
                  List<CheckinReportRow> checkinRows, CompletableFuture<Boolean> redeemed) {
        Upload(CertificateStore.Redemption redemption, List<DiagnosisKeyStore.NewKey> keys,
               List<CheckinReportRow> checkinRows) {
            this(redemption, keys, checkinRows, new CompletableFuture<>());
        }
    }

    private final CertificateStore certificates;
    private final DiagnosisKeyStore diagnosisKeys;
    private final CheckinSubmission checkins;
    private final TransactionTemplate tx;
    private final int maxBatch;
    private final BlockingQueue<Upload> queue;
    private final Thread writer;
    private volatile boolean running = true;

    GroupCommit(CertificateStore certificates, DiagnosisKeyStore diagnosisKeys, PlatformTransactionManager transactions,
                KeysProperties props, CheckinSubmission checkins) {
        this.checkins = checkins;
        this.certificates = certificates;
        this.diagnosisKeys = diagnosisKeys;
        this.tx = new TransactionTemplate(transactions);
        this.maxBatch = props.submission().commitBatch();
        this.queue = new ArrayBlockingQueue<>(Math.max(1024, maxBatch * 16));
        this.writer = new Thread(this::run, "key-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Redeems the certificate and stores the keys in one committed transaction (shared with other uploads).
     *
     * @return true if the certificate record was redeemed and the keys are durable; false if no unused,
     *         unexpired record matched (the caller then finds out why on its own)
     */
    boolean commit(Upload upload) {
        try {
            if (!queue.offer(upload, 10, TimeUnit.SECONDS)) {
                throw DomainException.busy("the server is busy; retry the upload");
            }
            return upload.redeemed().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.busy("the server is shutting down; retry the upload");
        } catch (TimeoutException e) {
            // Not answered: the upload may still commit, so the certificate tells a retry apart (used = stored).
            throw DomainException.busy("the database did not answer in time; retry the upload");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Upload> group = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Upload first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxBatch - 1);
                commitGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("group commit failed", e);
                group.forEach(u -> u.redeemed().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void commitGroup(List<Upload> group) {
        boolean[] redeemed;
        try {
            redeemed = tx.execute(s -> redeemAndStore(group));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).redeemed().completeExceptionally(groupFailed);
                return;
            }
            // One upload's rows broke the group's transaction: give every upload its own.
            for (Upload u : group) {
                try {
                    boolean[] one = tx.execute(s -> redeemAndStore(List.of(u)));
                    u.redeemed().complete(one[0]);
                } catch (RuntimeException e) {
                    u.redeemed().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).redeemed().complete(redeemed[i]);
        }
    }

    private boolean[] redeemAndStore(List<Upload> group) {
        boolean[] redeemed = certificates.redeemMany(group.stream().map(Upload::redemption).toList());
        List<DiagnosisKeyStore.NewKey> keys = new ArrayList<>();
        List<CheckinReportRow> checkinRows = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (redeemed[i]) {
                keys.addAll(group.get(i).keys());
                checkinRows.addAll(group.get(i).checkinRows());
            }
        }
        diagnosisKeys.insertAll(keys);
        checkins.store(checkinRows);
        return redeemed;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}
