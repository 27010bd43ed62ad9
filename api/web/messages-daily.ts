/**
 * Strings of the pages that make the UI a daily tool (work queue, stream page by phase, plan editor, admin), merged
 * into MESSAGES. Kept apart so that each area's catalogue stays a size one can read.
 */
const m = (zh: string, en: string) => ({ zh, en });

export const DAILY_MESSAGES = {
  'nav.waitingCount': m('，{count} 项待处理', ', {count} waiting'),
  'field.zonedHint': m('按 {zone} 当地时间', 'Local time in {zone}'),

  'words.product': m('商品 {sku}', 'product {sku}'),
  'words.checklist': m('开播前检查单', 'the pre-live checklist'),
  'words.reviewSignoff': m('复盘签字', 'the review sign-off'),
  'words.because': m('：{reason}', ': {reason}'),
  'ev.StreamPlanned': m('创建方案「{title}」，计划 {at} 开播', 'planned "{title}" for {at}'),
  'ev.ScriptSubmitted': m(
    '提交脚本 r{revision}（{segments} 段）',
    'submitted script r{revision} ({segments} segments)',
  ),
  'ev.ScriptScanned': m(
    '扫描脚本 r{revision}：{count} 处提示',
    'scanned script r{revision}: {count} findings',
  ),
  'ev.ScriptDecided': m('脚本 r{revision} {decision}', 'script r{revision} {decision}'),
  'ev.ProductsChecked': m(
    '检查了 {count} 个商品的资质：{bad} 个有问题',
    'checked {count} products: {bad} with document problems',
  ),
  'ev.ProductDecided': m('商品 {sku} {decision}', 'product {sku} {decision}'),
  'ev.ProductDropped': m('商品 {sku} 移出货盘', 'dropped product {sku}'),
  'ev.ProductAdded': m('加入商品 {sku}（{name}）', 'added product {sku} ({name})'),
  'ev.DocumentReplaced': m(
    '更换 {sku} 的{document}：{number}，有效期至 {until}',
    'replaced the {document} of {sku}: {number}, valid until {until}',
  ),
  'ev.ReviewerAssigned': m('指派审核人 {name}', 'assigned reviewer {name}'),
  'ev.ReminderSent': m('提醒 {who}：{what}', 'reminded {who} about {what}'),
  'ev.ApprovalEscalated': m('{what} 超时，升级给 {who}', '{what} overdue: escalated to {who}'),
  'ev.StreamBlocked': m(
    '审核截止时仍未全部通过：直播被阻断（需改期或取消）',
    'the gates had not passed at the cutoff: blocked (reschedule or cancel)',
  ),
  'ev.StreamRescheduled': m('改期到 {at}', 'rescheduled to {at}'),
  'ev.PhaseEntered': m('进入{phase}', 'entered {phase}'),
  'ev.ChecklistSigned': m('签署开播前检查单（{count} 项）', 'signed the pre-live checklist ({count} items)'),
  'ev.ChecklistEscalated': m(
    '检查单到期未签，升级给 {who}',
    'checklist not signed when due: escalated to {who}',
  ),
  'ev.MetricsReceived': m('收到 {count} 个{source}数据点', 'received {count} {source} metric points'),
  'ev.IncidentRecorded': m('记录事件（{kind}）', 'recorded an incident ({kind})'),
  'ev.StreamExtended': m('直播延长 {minutes} 分钟', 'extended the live by {minutes} min'),
  'ev.StreamEndedEarly': m('提前下播', 'ended the live early'),
  'ev.Paused': m('暂停', 'paused'),
  'ev.Resumed': m('恢复（暂停了约 {minutes} 分钟）', 'resumed (after about {minutes} min)'),
  'ev.AdvancedNow': m('人工推进：{from} → {to}', 'advanced by hand: {from} → {to}'),
  'ev.Cancelled': m('取消直播', 'cancelled the stream'),
  'ev.ReviewReported': m('生成复盘报告', 'wrote the review report'),
  'ev.ReviewFailed': m(
    '复盘报告生成失败，等待经理重试',
    'the review report could not be built; a manager may retry',
  ),
  'ev.ReviewRetryRequested': m('要求重新生成复盘报告', 'asked to build the review report again'),
  'ev.ReviewSignedOff': m('复盘签字完成', 'signed the review off'),
  'ev.ContinuedAsNew': m('续接运行（第 {run} 段）', 'continued as new (run {run})'),
  'alertRule.conversion_drop': m('转化率下降', 'Conversion drop'),
  'alertRule.viewer_collapse': m('在线人数骤降', 'Viewer collapse'),
  'alertRule.no_data': m('数据中断', 'No data'),
  'live.headingLive': m('直播中：实时数据', 'Live now: numbers'),
  'live.headingAfter': m('直播数据', 'Numbers of the live'),
  'live.tiles': m('关键指标与目标', 'Key numbers against targets'),
  'live.target': m('目标 {target} · 达成 {pct}%', 'target {target} · {pct}%'),
  'live.alerts': m('告警', 'Alerts'),
  'live.noAlerts': m('暂无告警。', 'No alerts.'),

  'banner.blocked': m(
    '直播已阻断：审核截止时仍有未通过项。',
    'Blocked: the gates had not passed at the cutoff.',
  ),
  'banner.blockedNext': m(
    '经理可以改期（重新审核）或取消。',
    'A manager may reschedule (the gates are judged again) or cancel.',
  ),
  'banner.checklistUnsigned': m('开播前检查单尚未签署。', 'The pre-live checklist is not signed.'),
  'banner.checklistDue': m('截止 {at}。', 'Due {at}.'),
  'banner.checklistEscalated': m(
    '已于 {at} 升级给副播和经理。',
    'Escalated to the co-host and managers at {at}.',
  ),
  'banner.liveUnsigned': m(
    '本场在检查单未签署的情况下开播。',
    'This stream went live without a signed pre-live checklist.',
  ),
  'banner.liveUnsignedEscalated': m(
    '检查单于 {at} 升级，但无人签署。',
    'The checklist was escalated at {at}, and nobody signed it.',
  ),
  'banner.liveUnsignedNoDecision': m('没有人签署检查单。', 'Nobody signed the checklist.'),
  'toolbar.label': m('其他操作', 'More actions'),
  'history.open': m('完整历史与 Temporal 运行记录', 'Full history and the Temporal run'),

  'refusal.FORBIDDEN_ROLE': m('你的角色不能执行这个操作。', 'Your role may not do this.'),
  'refusal.SELF_APPROVAL': m('不能审批自己提交的内容。', 'You cannot approve your own submission.'),
  'refusal.STALE_REVISION': m(
    '内容已被更新：请刷新后按最新版本操作。',
    'This changed in the meantime: reload and act on the latest version.',
  ),
  'refusal.ALREADY_DECIDED': m('已经有人处理过了。', 'Someone has already decided this.'),
  'refusal.INVALID_PHASE': m('当前阶段不能执行这个操作。', 'Not possible in the current phase.'),
  'refusal.INVALID_STATE': m('当前状态不允许这个操作。', 'Not possible in the current state.'),
  'refusal.NOT_FOUND': m('找不到要处理的对象。', 'Not found.'),
  'refusal.INVALID_INPUT': m(
    '填写的内容有误，请检查后重试。',
    'Some input is not valid: check it and try again.',
  ),
  'refusal.detail': m('详细原因（英文）', 'Details'),

  'outboxNote.noSmtp': m(
    '未配置邮件服务器（SMTP_URL），邮件暂存在发件箱。',
    'No mail server configured (SMTP_URL): held in the outbox.',
  ),
  'outboxNote.noChannel': m(
    '此人没有邮箱或聊天渠道，通知暂存在发件箱。',
    'This person has no email address or chat channel: held in the outbox.',
  ),
  'outboxNote.deliveryError': m('发送出错，稍后重试。', 'Delivery failed; it is retried.'),

  'inbox.filterStream': m('直播 / 活动', 'Stream or campaign'),
  'inbox.filterKind': m('类型', 'Kind'),
  'inbox.filterOverdue': m('只看已超时', 'Overdue only'),
  'inbox.filter': m('筛选', 'Filter'),
  'inbox.all': m('全部', 'All'),
  'inbox.overdue': m('已超时', 'overdue'),
  'inbox.bulkPick': m('选择：{what}', 'Pick: {what}'),
  'inbox.bulkHint': m(
    '勾选上面资质齐全的商品，一次全部通过；有问题的商品会被拒绝并说明原因。',
    'Tick products above whose documents are in order and approve them at once; any that cannot be approved are listed with the reason.',
  ),
  'inbox.bulkApprove': m('批量通过所选商品', 'Approve the ticked products'),
  'inbox.bulkApproved': m('已通过 {count} 个商品。', 'Approved {count} products.'),
  'inbox.bulkNone': m('没有勾选商品。', 'No product was ticked.'),
  'inbox.doneByMe': m('我最近处理过的', 'Done by me lately'),
  'inbox.doneNone': m('最近没有操作记录。', 'Nothing lately.'),

  'words.fanPreview': m('直播预告（{tier}）', 'the stream preview ({tier})'),
  'words.fanTier.core': m('核心粉', 'core fans'),
  'words.fanTier.active': m('活跃粉', 'active fans'),
  'words.fanTier.casual': m('路人粉', 'casual fans'),
  'words.blocked': m('直播已阻断', 'the blocked stream'),
} as const;
