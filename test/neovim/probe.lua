-- Headless Neovim (0.7.x API) as a real third-party LSP client of dist/server.js:
-- attaches to a draft, waits for diagnostics, asks for a hover, writes JSON to $PROBE_OUT.
local server = assert(os.getenv('CLAIMCHECK_SERVER'), 'set CLAIMCHECK_SERVER')
local draft = assert(os.getenv('PROBE_DOC'), 'set PROBE_DOC')
local out = assert(os.getenv('PROBE_OUT'), 'set PROBE_OUT')
local hover_line = tonumber(os.getenv('PROBE_HOVER_LINE') or '0')
local hover_col = tonumber(os.getenv('PROBE_HOVER_COL') or '0')

local client_id = vim.lsp.start_client({
  name = 'claimcheck',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(draft, ':p:h'),
})
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
vim.bo.filetype = 'markdown'
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, code = d.code, source = d.source })
end
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_col } }
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
local hover = vim.NIL
for _, r in pairs(results or {}) do if r.result then hover = r.result end end
vim.fn.writefile({ vim.fn.json_encode({ got = got, diagnostics = diagnostics, hover = hover }) }, out)
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(got and 'qa!' or 'cquit!')
