/**
 * Live hunt ranking: teams in one bucket per distinct score, over an order-statistic skip list of
 * the scores, answering rank in O(log d) for d distinct scores and top N in O(N).
 */
package io.cairn.engine.board;
