/** Live hunt ranking: an order-statistic skip list answering rank and top N in O(log n). */
package io.cairn.engine.board;
